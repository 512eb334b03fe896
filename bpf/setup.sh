#!/usr/bin/env bash
# schedcp kernel-lab setup: toolchain, a sched_ext-capable Debian cloud kernel,
# its BTF (vmlinux, vmlinux.h), the scx headers and the reference schedulers.
#
#   bpf/setup.sh            install / fetch / build what is missing (idempotent)
#   bpf/setup.sh --check    report what is ready and what is missing; touches nothing
#   bpf/setup.sh --refresh  also run apt-get update and re-resolve the newest kernel
#
# Cache:  ${SCHEDCP_CACHE:-$HOME/.cache/schedcp}   (kernel, sources, BTF, headers)
# Output: ${SCHEDCP_HOME:-$HOME/.schedcp}/scxbin   (scheduler binaries)
# Manifest, written last: $CACHE/lab/toolchain.properties (its presence = setup done).
set -Eeuo pipefail
umask 022

CACHE=${SCHEDCP_CACHE:-$HOME/.cache/schedcp}
SCXBIN=${SCHEDCP_HOME:-$HOME/.schedcp}/scxbin
MANIFEST=$CACHE/lab/toolchain.properties
LOG=$CACHE/lab/setup.log
NSTEPS=8
REQUIRED_SCX="scx_simple scx_qmap scx_central scx_flatcg scx_userland"
OPTIONAL_SCX="scx_pair scx_sdt scx_prev scx_cpu0"

# BPF compiler: clang-22 (bookworm-security) when Debian has it, else clang-19, which
# miscompiles BPF arena accesses in 7.3's scx_qmap (the verifier rejects qmap_dequeue).
NEWER_LLVM=22
BPFTOOL=/usr/sbin/bpftool
QEMU=/usr/bin/qemu-system-x86_64
BUSYBOX=/bin/busybox
VIRTIOFSD=$CACHE/virtiofsd/virtiofsd   # generated wrapper, see VFS_PKGS

# Packages from the default suite (bookworm). lld-19: the kernel's tools build links with it.
# libssl-dev: the bootstrap bpftool that tools/sched_ext builds compiles sign.c (openssl headers).
BASE_PKGS="clang-19 llvm-19 lld-19 libelf-dev zlib1g-dev libzstd-dev libssl-dev pkg-config make binutils
  xz-utils zstd qemu-system-x86 busybox-static rt-tests stress-ng"
# virtiofsd exists only in trixie, and `apt-get install -t trixie virtiofsd` would upgrade
# libc6 and with it ~100 packages (dpkg, systemd libs, qemu, openssh ...) to trixie's.
# Instead its .deb and those of its libraries (trixie's libc6 too) are unpacked into the
# cache and run through their own dynamic loader; the host's packages do not move.
VFS_PKGS="virtiofsd libc6 libgcc-s1 libcap-ng0 libseccomp2"

MODE=setup
case "${1:-}" in
  --check) MODE=check ;;
  --refresh) MODE=refresh ;;
  "") ;;
  -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
  *) echo "usage: $0 [--check|--refresh]" >&2; exit 2 ;;
esac

# ---------------------------------------------------------------- helpers
STEP=0 STEP_NAME="start"
step() { STEP=$1; STEP_NAME=$2; echo "setup: [$STEP/$NSTEPS] $STEP_NAME"; }
note() { echo "setup:       $*"; }
die()  { echo "setup: FAILED at step [$STEP/$NSTEPS] $STEP_NAME: $*" >&2; exit 1; }
die_log() { echo "setup: FAILED at step [$STEP/$NSTEPS] $STEP_NAME: $*" >&2; diagnose >&2; exit 1; }
# Run a noisy command with its output in the log (shown on failure).
logged() { echo "+ $*" >>"$LOG"; "$@" >>"$LOG" 2>&1; }

diagnose() {
  local avail
  avail=$(df -Pk "$CACHE" 2>/dev/null | awk 'NR==2{print $4}')
  if [[ -n "$avail" && "$avail" -lt 2000000 ]]; then
    echo "setup:   why: disk nearly full ($((avail/1024)) MiB free under $CACHE)"
  fi
  [[ -f "$LOG" ]] || return 0
  if grep -qiE 'No space left' "$LOG"; then echo "setup:   why: disk full"; fi
  if grep -qiE 'Temporary failure resolving|Could not (resolve|connect)|Failed to fetch|Connection (timed out|refused)' "$LOG"; then
    echo "setup:   why: cannot reach the Debian package registry (network)"; fi
  if grep -qiE 'Unable to locate package|has no installation candidate|Version .* was not found' "$LOG"; then
    echo "setup:   why: a package is missing from the apt lists (try: $0 --refresh)"; fi
  echo "setup:   last lines of $LOG:"
  tail -n 15 "$LOG" | sed 's/^/setup:   | /'
}
on_err() {
  local rc=$? cmd=$BASH_COMMAND
  trap - ERR
  echo "setup: FAILED at step [$STEP/$NSTEPS] $STEP_NAME (exit $rc): $cmd" >&2
  diagnose >&2
  exit "$rc"
}

llvm_version() {   # the LLVM to build BPF with: NEWER_LLVM if installed, else 19
  if pkg_ok "clang-$NEWER_LLVM" && pkg_ok "lld-$NEWER_LLVM" && pkg_ok "llvm-$NEWER_LLVM"; then
    echo "$NEWER_LLVM"; else echo 19; fi
}
pkg_version() { dpkg-query -W -f='${db:Status-Abbrev} ${Version}\n' "$1" 2>/dev/null | awk '$1=="ii"{print $2}'; }
# pkg_ok NAME [MIN_VERSION]
pkg_ok() {
  local v; v=$(pkg_version "$1")
  [[ -n "$v" ]] || return 1
  [[ -z "${2:-}" ]] || dpkg --compare-versions "$v" ge "$2"
}
missing_pkgs() {
  local p
  for p in $BASE_PKGS; do pkg_ok "$p" || echo "$p"; done
}
missing_bpo_pkgs() {   # from bookworm-backports: libbpf >= 1.4, bpftool >= 7.5 (bookworm: 1.1 / 7.1)
  pkg_ok libbpf-dev 1:1.4 || echo libbpf-dev
  pkg_ok libbpf1 1:1.4 || echo libbpf1
  pkg_ok bpftool 7.5 || echo bpftool
}

# Newest cloud kernel known to apt, e.g. "7.3.4+deb13-cloud-amd64".
newest_cloud_kernel() {
  apt-cache pkgnames linux-binary- 2>/dev/null | grep -E '^linux-binary-[0-9][^ ]*-cloud-amd64$' \
    | sed 's/^linux-binary-//' | sort -V | tail -n 1
}
# Newest kernel already complete in the cache.
cached_kernel() {
  local d
  for d in $(ls -1 "$CACHE/kernel" 2>/dev/null | sort -V -r); do
    [[ -f "$CACHE/kernel/$d/include/vmlinux.h" ]] && { echo "$d"; return; }
  done
  return 0
}

# Find a zstd frame inside the bzImage that decompresses to an ELF with a .BTF section.
extract_vmlinux() {
  local img=$1 out=$2 off
  for off in $(LC_ALL=C grep -aboUP '\x28\xb5\x2f\xfd' "$img" | cut -d: -f1); do
    # Trailing bytes after the frame make zstd complain; the output is validated below.
    tail -c "+$((off + 1))" "$img" | zstd -dcq 2>/dev/null >"$out.tmp" || true
    # grep reads all of readelf's output (no -q): with pipefail, a grep -q that exits at the
    # match lets readelf die of SIGPIPE now and then, and the check fails at random.
    if [[ "$(head -c 4 "$out.tmp" | od -An -tx1 | tr -d ' \n')" == 7f454c46 ]] \
       && readelf -S "$out.tmp" 2>/dev/null | grep '\.BTF ' >/dev/null; then
      mv "$out.tmp" "$out"; return 0
    fi
  done
  rm -f "$out.tmp"
  return 1
}

# ---------------------------------------------------------------- --check
if [[ $MODE == check ]]; then
  bad=0
  ok()   { printf 'ready    %-14s %s\n' "$1" "$2"; }
  miss() { printf 'MISSING  %-14s %s\n' "$1" "$2"; bad=1; }
  m=$(missing_pkgs; missing_bpo_pkgs); m=$(echo $m)
  CLANG=/usr/bin/clang-$(llvm_version)
  if [[ -z "$m" ]]; then ok toolchain "$(basename "$CLANG"), libbpf-dev $(pkg_version libbpf-dev), bpftool $(pkg_version bpftool), qemu $(pkg_version qemu-system-x86)"
  else miss toolchain "packages: $m"; fi
  for f in "$CLANG" "$BPFTOOL" "$QEMU" "$BUSYBOX"; do
    [[ -x "$f" ]] || miss toolchain "$f"
  done
  if v=$("$VIRTIOFSD" --version 2>/dev/null); then ok virtiofsd "$v ($VIRTIOFSD)"; else miss virtiofsd "$VIRTIOFSD"; fi
  kv=$(sed -n 's/^kernel_version=//p' "$MANIFEST" 2>/dev/null || true)
  [[ -n "$kv" ]] || kv=$(cached_kernel)
  K=$CACHE/kernel/${kv:-none}
  if [[ -n "$kv" && -s "$K/vmlinuz" ]]; then ok kernel "$kv ($K/vmlinuz)"; else miss kernel "no kernel in $CACHE/kernel"; fi
  if [[ -s "$K/vmlinux" ]]; then ok vmlinux "$K/vmlinux"; else miss vmlinux "$K/vmlinux"; fi
  if [[ -f "$K/include/vmlinux.h" ]] && grep -q 'struct sched_ext_ops {' "$K/include/vmlinux.h"; then
    ok headers "$K/include (vmlinux.h, scx/)"
  else miss headers "$K/include/vmlinux.h with struct sched_ext_ops"; fi
  [[ -f "$K/include/scx/common.bpf.h" ]] || miss headers "$K/include/scx/common.bpf.h"
  for s in $REQUIRED_SCX; do
    if [[ -x "$SCXBIN/$s" ]]; then ok scheduler "$SCXBIN/$s"; else miss scheduler "$SCXBIN/$s"; fi
  done
  for s in $OPTIONAL_SCX; do [[ -x "$SCXBIN/$s" ]] && ok scheduler "$SCXBIN/$s (optional)"; done
  if [[ -f "$MANIFEST" ]]; then ok manifest "$MANIFEST"; else miss manifest "$MANIFEST"; fi
  exit $bad
fi

# ---------------------------------------------------------------- setup
[[ $(id -u) == 0 ]] || { echo "setup: must run as root (apt-get install)" >&2; exit 1; }
trap on_err ERR
mkdir -p "$CACHE/lab" "$CACHE/kernel" "$SCXBIN"
: >"$LOG"
export DEBIAN_FRONTEND=noninteractive
APT_INSTALL=(apt-get install -y -q --no-install-recommends
  -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
DL_OPTS=(-o APT::Sandbox::User=root -q)
T0=$SECONDS

step 1 "apt suites bookworm-backports, trixie, trixie-backports (pinned to 100)"
SRC=/etc/apt/sources.list.d/schedcp-lab.sources
PIN=/etc/apt/preferences.d/schedcp-lab
want_src="Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm-backports trixie trixie-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg"
want_pin=""
for s in bookworm-backports trixie trixie-backports; do
  want_pin+="Package: *
Pin: release n=$s
Pin-Priority: 100

"
done
need_update=0
if [[ "$(cat "$SRC" 2>/dev/null)" != "$want_src" ]]; then printf '%s\n' "$want_src" >"$SRC"; need_update=1; fi
if [[ "$(cat "$PIN" 2>/dev/null)" != "${want_pin%$'\n'}" ]]; then printf '%s' "$want_pin" >"$PIN"; fi
[[ $MODE == refresh ]] && need_update=1
apt_updated=0
apt_update() {
  note "apt-get update"
  local out
  out=$(apt-get update -q 2>&1) || { echo "$out" >>"$LOG"; die_log "apt-get update failed"; }
  echo "$out" >>"$LOG"
  if grep -qE '^(W: Failed to fetch|W: Some index files failed)' <<<"$out"; then
    note "WARNING: apt-get update could not reach the Debian registry; using the package lists already here"
  fi
  apt_updated=1
}

step 2 "toolchain packages and virtiofsd"
missing=$(missing_pkgs); missing=$(echo $missing)
missing_bpo=$(missing_bpo_pkgs); missing_bpo=$(echo $missing_bpo)
if [[ -z "$missing$missing_bpo" ]]; then
  note "all installed"
  [[ $need_update == 0 ]] || apt_update
else
  note "installing: $missing $missing_bpo"
  apt_update
  # Only what is missing: naming installed packages could upgrade them from a pinned suite.
  [[ -z "$missing" ]] || logged "${APT_INSTALL[@]}" $missing
  [[ -z "$missing_bpo" ]] || logged "${APT_INSTALL[@]}" -t bookworm-backports $missing_bpo
  missing=$(missing_pkgs; missing_bpo_pkgs); missing=$(echo $missing)
  [[ -z "$missing" ]] || die_log "still missing after apt-get install: $missing"
fi
if [[ $(llvm_version) != "$NEWER_LLVM" ]]; then
  if apt-cache show "clang-$NEWER_LLVM" >/dev/null 2>&1; then
    note "installing clang-$NEWER_LLVM lld-$NEWER_LLVM llvm-$NEWER_LLVM"
    logged "${APT_INSTALL[@]}" "clang-$NEWER_LLVM" "lld-$NEWER_LLVM" "llvm-$NEWER_LLVM" \
      || note "clang-$NEWER_LLVM did not install; building with clang-19 (scx_qmap may not load)"
  else
    note "no clang-$NEWER_LLVM in the apt lists; building with clang-19 (scx_qmap may not load)"
  fi
fi
LLVM_VER=$(llvm_version)
CLANG=/usr/bin/clang-$LLVM_VER
for f in "$CLANG" "$BPFTOOL" "$QEMU" "$BUSYBOX"; do
  [[ -x "$f" ]] || die "$f not found after install"
done
if ! "$VIRTIOFSD" --version >/dev/null 2>&1; then
  note "unpacking trixie's virtiofsd and its libraries into $CACHE/virtiofsd"
  apt-cache show virtiofsd/trixie >/dev/null 2>&1 || [[ $apt_updated == 1 ]] || apt_update
  vtmp=$(mktemp -d "$CACHE/lab/dl.XXXXXX")
  (cd "$vtmp" && logged apt-get download "${DL_OPTS[@]}" ${VFS_PKGS// //trixie }/trixie) \
    || { rm -rf "$vtmp"; die_log "apt-get download of virtiofsd (trixie) failed"; }
  R=$CACHE/virtiofsd/root
  rm -rf "$CACHE/virtiofsd"; mkdir -p "$R"
  for d in "$vtmp"/*.deb; do logged dpkg-deb -x "$d" "$R"; done
  rm -rf "$vtmp"
  printf '%s\n' '#!/bin/sh' '# Generated by bpf/setup.sh: Debian trixie virtiofsd, run with its own trixie libc.' \
    "exec \"$R/usr/lib64/ld-linux-x86-64.so.2\" --library-path \"$R/usr/lib/x86_64-linux-gnu\" \"$R/usr/libexec/virtiofsd\" \"\$@\"" \
    >"$VIRTIOFSD"
  chmod +x "$VIRTIOFSD"
  "$VIRTIOFSD" --version >>"$LOG" 2>&1 || die_log "the unpacked virtiofsd does not run"
fi

step 3 "resolving the newest Debian cloud kernel"
KVER=$(newest_cloud_kernel)
if [[ -z "$KVER" && $apt_updated == 0 ]]; then apt_update; KVER=$(newest_cloud_kernel); fi
if [[ -z "$KVER" ]]; then
  KVER=$(cached_kernel)
  [[ -n "$KVER" ]] || die "no linux-binary-*-cloud-amd64 package known to apt (is trixie-backports reachable?)"
  note "apt knows no cloud kernel; using the cached $KVER"
fi
K=$CACHE/kernel/$KVER
MM=$(echo "$KVER" | grep -oE '^[0-9]+\.[0-9]+')
note "kernel $KVER (source package linux-source-$MM)"
mkdir -p "$K"

# apt_fetch PKG DESTDIR: download PKG (the version matching the kernel if known) and unpack it.
apt_fetch() {
  local pkg=$1 dest=$2 ver tmp
  ver=$(apt-cache policy "linux-binary-$KVER" 2>/dev/null | awk '/Candidate:/{print $2}')
  tmp=$(mktemp -d "$CACHE/lab/dl.XXXXXX")
  if [[ -n "$ver" && "$ver" != "(none)" ]] && apt-cache show "$pkg=$ver" >/dev/null 2>&1; then pkg="$pkg=$ver"; fi
  note "downloading $pkg"
  (cd "$tmp" && logged apt-get download "${DL_OPTS[@]}" "$pkg") \
    || { rm -rf "$tmp"; die_log "apt-get download $pkg failed"; }
  logged dpkg-deb -x "$tmp"/*.deb "$dest" || { rm -rf "$tmp"; die_log "dpkg-deb -x $pkg failed"; }
  rm -rf "$tmp"
}

step 4 "fetching kernel $KVER image and config"
if [[ -s "$K/vmlinuz" && -s "$K/config" ]]; then
  note "cached"
else
  rm -rf "$K/pkg"; mkdir -p "$K/pkg"
  apt_fetch "linux-binary-$KVER" "$K/pkg"
  apt_fetch "linux-base-$KVER" "$K/pkg"
  [[ -s "$K/pkg/usr/lib/modules/$KVER/config" ]] || die "linux-base-$KVER has no usr/lib/modules/$KVER/config"
  [[ -s "$K/pkg/usr/lib/modules/$KVER/vmlinuz" ]] || die "linux-binary-$KVER has no usr/lib/modules/$KVER/vmlinuz"
  mv "$K/pkg/usr/lib/modules/$KVER/config" "$K/config"
  mv "$K/pkg/usr/lib/modules/$KVER/vmlinuz" "$K/vmlinuz"
  rm -rf "$K/pkg"
fi
for opt in CONFIG_SCHED_CLASS_EXT CONFIG_DEBUG_INFO_BTF CONFIG_VIRTIO_FS CONFIG_VIRTIO_PCI; do
  grep -qx "$opt=y" "$K/config" || die "kernel $KVER does not have $opt=y (see $K/config); the lab needs it built in"
done

step 5 "fetching and extracting linux-source-$MM (tools/ include/ scripts/ arch/x86/include/ kernel/bpf/)"
SRCDIR=$K/src
if [[ -f "$SRCDIR/.extracted" ]]; then
  note "cached"
else
  rm -rf "$SRCDIR" "$K/srcpkg"; mkdir -p "$SRCDIR" "$K/srcpkg"
  apt_fetch "linux-source-$MM" "$K/srcpkg"
  tarball=$(ls "$K/srcpkg"/usr/src/linux-source-*.tar.* 2>/dev/null | head -n 1)
  [[ -n "$tarball" ]] || die "linux-source-$MM holds no usr/src/linux-source-*.tar.*"
  top=$(basename "$tarball"); top=${top%.tar.*}
  note "extracting from $(basename "$tarball")"
  logged tar -xf "$tarball" -C "$SRCDIR" --strip-components=1 \
    "$top/tools" "$top/include" "$top/scripts" "$top/arch/x86/include" "$top/kernel/bpf" "$top/Makefile" \
    || die_log "tar extraction failed"
  rm -rf "$K/srcpkg"
  [[ -d "$SRCDIR/tools/sched_ext" ]] || die "linux-source-$MM has no tools/sched_ext"
  touch "$SRCDIR/.extracted"
fi

step 6 "vmlinux, vmlinux.h and scx headers"
if [[ -s "$K/vmlinux" && -f "$K/include/vmlinux.h" ]]; then note "cached"; fi
if [[ ! -s "$K/vmlinux" ]]; then
  note "extracting vmlinux from vmlinuz"
  extract_vmlinux "$K/vmlinuz" "$K/vmlinux" || die "no zstd-compressed ELF with .BTF found in $K/vmlinuz"
fi
INC=$K/include
if [[ ! -f "$INC/vmlinux.h" ]] || ! grep -q 'struct sched_ext_ops {' "$INC/vmlinux.h"; then
  mkdir -p "$INC"
  "$BPFTOOL" btf dump file "$K/vmlinux" format c >"$INC/vmlinux.h.tmp" 2>>"$LOG"
  grep -q 'struct sched_ext_ops {' "$INC/vmlinux.h.tmp" || die "vmlinux.h has no struct sched_ext_ops"
  mv "$INC/vmlinux.h.tmp" "$INC/vmlinux.h"
fi
# common.bpf.h does #include "vmlinux.h", so it sits beside scx/ (and bpf-compat/) in one -I dir.
for d in "$SRCDIR"/tools/sched_ext/include/*/; do
  d=$(basename "$d"); rm -rf "$INC/$d.tmp"
  cp -r "$SRCDIR/tools/sched_ext/include/$d" "$INC/$d.tmp"
  rm -rf "${INC:?}/${d:?}"; mv "$INC/$d.tmp" "$INC/$d"
done
[[ -f "$INC/scx/common.bpf.h" ]] || die "scx/common.bpf.h missing from the kernel source"

step 7 "building reference schedulers with clang-$LLVM_VER"
SCXDIR=$SRCDIR/tools/sched_ext
avail=$(cd "$SCXDIR" && ls *.bpf.c 2>/dev/null | sed 's/\.bpf\.c$//' | sort | tr '\n' ' ')
stamp="$KVER clang-$LLVM_VER $avail"
have_required() { local s; for s in $REQUIRED_SCX; do [[ -x "$SCXBIN/$s" ]] || return 1; done; }
if [[ "$(cat "$SCXBIN/.built-from" 2>/dev/null)" == "$stamp" ]] && have_required; then
  note "already built for $KVER"
else
  rm -rf "$SCXDIR/build"   # a clean build: make would keep objects from an earlier toolchain
  MK=(make -C "$SCXDIR" -j"$(nproc)" LLVM=-"$LLVM_VER" VMLINUX_BTF="$K/vmlinux")   # clang-N, ld.lld-N
  ok_list=""
  for s in $avail; do
    note "building $s"
    if logged "${MK[@]}" "$s" && [[ -x "$SCXDIR/build/bin/$s" ]]; then
      ok_list+=" $s"
    elif [[ " $REQUIRED_SCX " == *" $s "* ]]; then
      die_log "required scheduler $s did not build"
    else
      note "optional $s did not build; skipped"
    fi
  done
  for s in $REQUIRED_SCX; do
    [[ " $ok_list " == *" $s "* ]] || die "required scheduler $s is not in this kernel source"
  done
  rm -f "$SCXBIN"/scx_*   # drop binaries of an earlier kernel
  for s in $ok_list; do install -m 0755 "$SCXDIR/build/bin/$s" "$SCXBIN/$s"; done
  echo "$stamp" >"$SCXBIN/.built-from"
fi
BUILT=$(cd "$SCXBIN" && ls scx_* 2>/dev/null | sort | tr '\n' ' ')

step 8 "writing $MANIFEST"
tmp=$(mktemp "$MANIFEST.XXXXXX")
cat >"$tmp" <<EOF
# written by bpf/setup.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ)
kernel_version=$KVER
kernel_config=$K/config
kernel_src=$SRCDIR
vmlinuz=$K/vmlinuz
vmlinux=$K/vmlinux
vmlinux_h=$INC/vmlinux.h
scx_include=$INC
libbpf_include=/usr/include
scxbin=$SCXBIN
clang=$CLANG
bpf_cflags=-g -O2 -target bpf -mcpu=v3 -D__TARGET_ARCH_x86 -mlittle-endian -fms-extensions -Wno-compare-distinct-pointer-types -I$INC -I$INC/bpf-compat -idirafter /usr/include/x86_64-linux-gnu -idirafter /usr/include
bpftool=$BPFTOOL
qemu=$QEMU
virtiofsd=$VIRTIOFSD
busybox=$BUSYBOX
built=${BUILT% }
EOF
chmod 0644 "$tmp"
mv "$tmp" "$MANIFEST"
echo "setup: done in $((SECONDS - T0)) s: kernel $KVER, schedulers: ${BUILT% }"
