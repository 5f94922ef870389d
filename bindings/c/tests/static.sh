#!/usr/bin/env bash
# static.sh PREFIX OUT: links a C program against libdgram.a installed
# under PREFIX (make install), with pkg-config --static as a user would, two
# ways: fully static (cc -static), and libdgram alone static with the C
# library shared (-Wl,-Bstatic -ldgram -Wl,-Bdynamic). Each program must not
# need libdgram.so at run time, and must run: it sends itself a datagram on
# 127.0.0.1 and receives it.
set -euo pipefail
prefix=$1 out=$2
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
mkdir -p "$out"
cc=${CC:-cc}
flags=(-std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror)
cat > "$out/selfsend.c" <<'C'
#include <stdio.h>
#include <string.h>
#include <dgram.h>

static int got;

static void on_message(dgram_socket s, const uint8_t *msg, size_t len,
                       const struct dgram_remote_info *rinfo, void *ud)
{
    (void)s; (void)rinfo; (void)ud;
    got = len == 6 && memcmp(msg, "static", 6) == 0;
}

int main(int argc, char **argv)
{
    (void)argc;
    if (!dgram_header_matches()) return 1;
    struct dgram_socket_options o = {.type = "udp4", .delivery = DGRAM_DELIVERY_POLL};
    dgram_socket s = dgram_create_socket(&o, on_message, NULL);
    if (s <= 0 || dgram_bind(s, 0, "127.0.0.1", NULL, NULL) != DGRAM_OK) return 2;
    struct dgram_address_info a;
    for (int i = 0; i < 100 && dgram_address(s, &a) != DGRAM_OK; i++) dgram_poll(50);
    if (dgram_send(s, "static", 6, a.port, "127.0.0.1", NULL, NULL) != DGRAM_OK) return 3;
    for (int i = 0; i < 100 && !got; i++) dgram_poll(50);
    dgram_close(s, NULL, NULL);
    for (int i = 0; i < 100 && dgram_live_handles() > 0; i++) dgram_poll(50);
    printf("static.sh: %s (libdgram %s): %s\n", argv[0], dgram_version(), got ? "datagram received" : "no datagram");
    return got ? 0 : 4;
}
C
libs=$(pkg-config --static --libs dgram)
case "$libs" in *-lpthread*) ;; *) echo "static.sh: pkg-config --static --libs dgram gives '$libs', without Libs.private" >&2; exit 1 ;; esac
# fully static
"$cc" -static "${flags[@]}" -o "$out/selfsend_static" "$out/selfsend.c" $(pkg-config --static --cflags --libs dgram)
# libdgram static, the C library shared
"$cc" "${flags[@]}" -o "$out/selfsend_archive" "$out/selfsend.c" $(pkg-config --cflags dgram) \
  -L"$(pkg-config --variable=libdir dgram)" -Wl,-Bstatic -ldgram -Wl,-Bdynamic $(pkg-config --static --libs-only-l dgram | sed 's/-ldgram//')
for p in selfsend_static selfsend_archive; do
  if LC_ALL=C ldd "$out/$p" 2>&1 | grep -q libdgram; then
    echo "static.sh: $p needs libdgram.so:" >&2; ldd "$out/$p" >&2; exit 1
  fi
  "$out/$p"
done
