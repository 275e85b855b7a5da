# The Debian package: `cpack --preset deb` after a release build (build/release/govmon_*.deb).
# Depends comes from dpkg-shlibdeps on the binary, plus what the daemon reads at run time; the
# maintainer scripts enable and start the units the way dh_installsystemd does.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME govmon)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "govmon dev <dev@govmon.local>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "watches government websites and new-media accounts for inspection failures")
set(CPACK_PACKAGE_DESCRIPTION
    "govmon probes Chinese government websites (home-page availability, crawls for broken, ad\n\
and hidden links, stale columns) and government new-media accounts (stale or dormant\n\
accounts), records every observation in SQLite, maps findings onto the national\n\
inspection indicators and serves Prometheus metrics on 127.0.0.1:9464. It runs as the\n\
hardened systemd service govmon.service; govmon-export.timer writes each quarter's raw\n\
data and report to /var/lib/govmon/exports.")
# The same prefix as the installed config's paths (/usr: the units name /usr/bin/govmon).
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# TLS trust store, the configured time zone, deb-systemd-helper for the maintainer scripts,
# kill for ExecReload.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "ca-certificates, tzdata, init-system-helpers, procps")
# promtool checks the shipped alert rules; uBlock Origin's EasyList is loaded when installed.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "prometheus, webext-ublock-origin-chromium")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/packaging/debian/conffiles
    ${PROJECT_SOURCE_DIR}/packaging/debian/postinst
    ${PROJECT_SOURCE_DIR}/packaging/debian/prerm
    ${PROJECT_SOURCE_DIR}/packaging/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
