#!/bin/sh
# Builds the .deb with CPack from the build tree and checks what an install would get: the files,
# the control fields (Depends from dpkg-shlibdeps), conffiles and maintainer scripts, a stripped
# binary that runs, and an installed config that `govmon check-config` accepts.
set -eu
build=$1
version=$2
source=$3

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log"; fail "cpack"; }
deb=$(ls "$work"/out/govmon_*.deb)
echo "package: ${deb##*/}"

field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = govmon ] || fail "Package is $(field Package)"
[ "$(field Version)" = "$version" ] || fail "Version is $(field Version), not $version"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ -n "$(field Description)" ] || fail "no Description"
depends=$(field Depends)
echo "Depends: $depends"
echo "$depends" | tr ',' '\n' | awk '{ print $1 }' >"$work/depends"
for package in libc6 libstdc++6 libssl3 libsqlite3-0 libyaml-cpp0.7 ca-certificates tzdata init-system-helpers procps; do
    grep -qxF "$package" "$work/depends" || fail "Depends lacks $package"
done

dpkg-deb -c "$deb" | awk '{ print $NF }' | sed 's#^\./#/#' >"$work/contents"
for file in /usr/bin/govmon \
    /usr/lib/systemd/system/govmon.service \
    /usr/lib/systemd/system/govmon-export.service \
    /usr/lib/systemd/system/govmon-export.timer \
    /usr/lib/systemd/system/govmon-monthly.service \
    /usr/lib/systemd/system/govmon-monthly.timer \
    /usr/share/govmon/ad-rules/cn-ad-networks.txt \
    /usr/share/doc/govmon/README.md \
    /usr/share/doc/govmon/docs/configuration.md \
    /usr/share/doc/govmon/examples/govmon.yaml \
    /etc/govmon/govmon.yaml \
    /etc/govmon/accounts.csv; do
    grep -qx "$file" "$work/contents" || fail "the package lacks $file"
done
# Whatever dashboards/ holds: alert rules beside the ad rules, Grafana's JSON in dashboards/.
rules=0
for file in "$source"/dashboards/*.yml; do
    case $file in *.test.yml) continue ;; esac
    grep -qx "/usr/share/govmon/${file##*/}" "$work/contents" || fail "the package lacks ${file##*/}"
    rules=$((rules + 1))
done
[ "$rules" -gt 0 ] || fail "no alert rules in $source/dashboards"
for file in "$source"/dashboards/grafana/*.json; do
    [ -e "$file" ] || continue
    grep -qx "/usr/share/govmon/dashboards/${file##*/}" "$work/contents" ||
        fail "the package lacks dashboard ${file##*/}"
done
! grep -q 'test.yml$' "$work/contents" || fail "the package ships the alert rules' tests"

dpkg-deb -e "$deb" "$work/control"
grep -qx /etc/govmon/govmon.yaml "$work/control/conffiles" || fail "govmon.yaml is not a conffile"
for script in postinst prerm postrm; do
    [ -x "$work/control/$script" ] || fail "no executable $script"
    sh -n "$work/control/$script" || fail "$script does not parse"
done
grep -q 'deb-systemd-helper enable' "$work/control/postinst" || fail "postinst enables nothing"
grep -q 'govmon-export.timer' "$work/control/postinst" || fail "postinst leaves the export timer alone"
grep -q 'govmon-monthly.timer' "$work/control/postinst" || fail "postinst leaves the monthly timer alone"

root=$work/root
dpkg-deb -x "$deb" "$root"
file "$root/usr/bin/govmon" | grep -q ', stripped' || fail "the binary is not stripped"
"$root/usr/bin/govmon" --version | grep -qx "govmon $version" || fail "govmon --version"

config=$root/etc/govmon/govmon.yaml
grep -q '^database: /var/lib/govmon/govmon.db' "$config" || fail "the database is not under /var/lib/govmon"
grep -q 'rules: \[/usr/share/govmon/ad-rules/cn-ad-networks.txt\]' "$config" ||
    fail "ads.rules is not the installed list"
# The ad list is named by its installed path: check the config with it under the extracted tree.
sed "s#/usr/share/govmon/#$root/usr/share/govmon/#" "$config" >"$root/etc/govmon/rooted.yaml"
"$root/usr/bin/govmon" check-config --config "$root/etc/govmon/rooted.yaml"
