// header.cpp: dgram.h compiled as C++17 with -pedantic -Wall -Wextra
// -Werror (make c-header): extern "C", no C-only constructs.
#include "dgram.h"
#include "dgram.h"

#include <cstdint>

static_assert(sizeof(dgram_socket) == 4, "a handle is an int32_t");
static_assert(DGRAM_OK == 0 && DGRAM_ERR_SOCKET_BAD_TYPE < 0, "codes are negative");

namespace {
struct Recorder {
    int messages = 0;
};

void on_message(dgram_socket, const std::uint8_t *, std::size_t, const dgram_remote_info *, void *ud)
{
    static_cast<Recorder *>(ud)->messages++;
}
} // namespace

int header_check();

int header_check()
{
    dgram_socket_options o{};
    o.type = "udp4";
    o.delivery = DGRAM_DELIVERY_POLL;
    dgram_message_cb cb = on_message;
    dgram_socket (*create)(const dgram_socket_options *, dgram_message_cb, void *) = dgram_create_socket;
    int (*send)(dgram_socket, const void *, std::size_t, int, const char *, dgram_send_cb, void *) = dgram_send;
    int (*bind_options)(dgram_socket, const struct dgram_bind_options *, dgram_listening_cb, void *) = dgram_bind_options;
    struct dgram_bind_options bo{0, "127.0.0.1"}; // "struct": the function dgram_bind_options hides the name, as stat()
    (void)create; (void)send; (void)bind_options; (void)bo; (void)cb; (void)o;
    return (dgram_header_matches() ? 1 : 0) + DGRAM_NUTTX_HAS_SET_BROADCAST + DGRAM_NOTE(NUTTX, CLOSE);
}
