# Where `cmake --install` and the .deb (cmake/package.cmake) put govmon's files; the binary's own
# rule sits next to its target (daemon/cli). The units name /usr/bin/govmon and /etc/govmon, so
# the prefix is /usr (the release preset sets it; stage with DESTDIR=...).
if(CMAKE_INSTALL_PREFIX_INITIALIZED_TO_DEFAULT)
    set(CMAKE_INSTALL_PREFIX /usr CACHE PATH "Install prefix" FORCE)
endif()
include(GNUInstallDirs)

set(GOVMON_INSTALLED_CONFIG ${PROJECT_BINARY_DIR}/packaging/govmon.yaml)

# The installed config is the example with the service's paths: a change to the example that
# these replacements no longer match stops the configure step instead of shipping a stale file.
function(govmon_replace_in_config text_var pattern replacement)
    string(REGEX REPLACE "${pattern}" "${replacement}" replaced "${${text_var}}")
    if(replaced STREQUAL "${${text_var}}")
        message(FATAL_ERROR "examples/govmon.yaml no longer matches '${pattern}': update cmake/install.cmake")
    endif()
    set(${text_var} "${replaced}" PARENT_SCOPE)
endfunction()

file(READ ${PROJECT_SOURCE_DIR}/examples/govmon.yaml GOVMON_CONFIG_TEXT)
govmon_replace_in_config(GOVMON_CONFIG_TEXT "^# govmon example configuration"
    "# /etc/govmon/govmon.yaml, installed by the govmon package from its example (kept on upgrades\n# once edited; `systemctl reload govmon` applies a change).\n#\n# govmon example configuration")
govmon_replace_in_config(GOVMON_CONFIG_TEXT "\ndatabase: [^\n]*"
    "\ndatabase: /var/lib/govmon/govmon.db     # the StateDirectory of govmon.service")
govmon_replace_in_config(GOVMON_CONFIG_TEXT "\n  # rules: \\[[^]]*\\]"
    "\n  rules: [${CMAKE_INSTALL_FULL_DATADIR}/govmon/ad-rules/cn-ad-networks.txt]")
file(WRITE ${GOVMON_INSTALLED_CONFIG} "${GOVMON_CONFIG_TEXT}")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/examples/govmon.yaml)

install(FILES systemd/govmon.service systemd/govmon-export.service systemd/govmon-export.timer
    systemd/govmon-monthly.service systemd/govmon-monthly.timer
    DESTINATION lib/systemd/system)
install(DIRECTORY ad-rules/ DESTINATION ${CMAKE_INSTALL_DATADIR}/govmon/ad-rules
    FILES_MATCHING PATTERN "*.txt")
# Prometheus alert rules in share/govmon, Grafana dashboards in share/govmon/dashboards (the
# folder the shipped Grafana provisioning reads), the provisioning files to copy from beside them.
file(GLOB GOVMON_ALERT_RULES CONFIGURE_DEPENDS dashboards/*.yml)
list(FILTER GOVMON_ALERT_RULES EXCLUDE REGEX "\\.test\\.yml$")
file(GLOB GOVMON_DASHBOARDS CONFIGURE_DEPENDS dashboards/grafana/*.json)
install(FILES ${GOVMON_ALERT_RULES} DESTINATION ${CMAKE_INSTALL_DATADIR}/govmon)
install(FILES ${GOVMON_DASHBOARDS} DESTINATION ${CMAKE_INSTALL_DATADIR}/govmon/dashboards)
if(EXISTS ${PROJECT_SOURCE_DIR}/dashboards/provisioning)
    install(DIRECTORY dashboards/provisioning DESTINATION ${CMAKE_INSTALL_DATADIR}/govmon)
endif()
install(FILES examples/govmon.yaml examples/accounts.csv
    DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs PATTERN "*.py" EXCLUDE)
install(FILES ${GOVMON_INSTALLED_CONFIG} examples/accounts.csv DESTINATION ${CMAKE_INSTALL_FULL_SYSCONFDIR}/govmon)
