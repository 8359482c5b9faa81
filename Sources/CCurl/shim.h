// Typed wrappers around libcurl's variadic entry points, which Swift cannot call directly.
// One wrapper per argument type keeps the C side trivial and the Swift side type-checked.
#ifndef KAZAZ_CURL_SHIM_H
#define KAZAZ_CURL_SHIM_H

#include <curl/curl.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

typedef size_t (*kazaz_curl_data_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);
typedef int (*kazaz_curl_xferinfo_callback)(void *userdata, curl_off_t dltotal, curl_off_t dlnow,
                                             curl_off_t ultotal, curl_off_t ulnow);

static inline CURLcode kazaz_easy_setopt_long(CURL *handle, CURLoption option, long value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode kazaz_easy_setopt_offset(CURL *handle, CURLoption option, curl_off_t value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode kazaz_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode kazaz_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode kazaz_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode kazaz_easy_setopt_data_callback(CURL *handle, CURLoption option,
                                                       kazaz_curl_data_callback value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode kazaz_easy_setopt_xferinfo_callback(CURL *handle,
                                                           kazaz_curl_xferinfo_callback value) {
  return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, value);
}

typedef curl_socket_t (*kazaz_curl_opensocket_callback)(void *clientp, curlsocktype purpose,
                                                        struct curl_sockaddr *address);
typedef int (*kazaz_curl_prereq_callback)(void *clientp, char *conn_primary_ip,
                                          char *conn_local_ip, int conn_primary_port,
                                          int conn_local_port);

static inline CURLcode kazaz_easy_setopt_opensocket_callback(CURL *handle,
                                                             kazaz_curl_opensocket_callback value) {
  return curl_easy_setopt(handle, CURLOPT_OPENSOCKETFUNCTION, value);
}

static inline CURLcode kazaz_easy_setopt_prereq_callback(CURL *handle,
                                                         kazaz_curl_prereq_callback value) {
  return curl_easy_setopt(handle, CURLOPT_PREREQFUNCTION, value);
}

/// The IP address libcurl is about to connect to: copies its 4 (IPv4) or 16 (IPv6) bytes into
/// `bytes` and its port into `port`, and returns the byte count; 0 for any other family.
static inline int kazaz_sockaddr_address(const struct curl_sockaddr *address,
                                         unsigned char bytes[16], int *port) {
  if (address->family == AF_INET && address->addrlen >= sizeof(struct sockaddr_in)) {
    const struct sockaddr_in *in = (const struct sockaddr_in *)(const void *)&address->addr;
    memcpy(bytes, &in->sin_addr, 4);
    *port = ntohs(in->sin_port);
    return 4;
  }
  if (address->family == AF_INET6 && address->addrlen >= sizeof(struct sockaddr_in6)) {
    const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)(const void *)&address->addr;
    memcpy(bytes, &in6->sin6_addr, 16);
    *port = ntohs(in6->sin6_port);
    return 16;
  }
  return 0;
}

/// The socket libcurl would have opened itself, close-on-exec so that commands the daemon runs
/// (on_digest) do not inherit it.
static inline curl_socket_t kazaz_open_socket(const struct curl_sockaddr *address) {
#ifdef SOCK_CLOEXEC
  return socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
#else
  return socket(address->family, address->socktype, address->protocol);
#endif
}

typedef int (*kazaz_curl_debug_callback)(CURL *handle, curl_infotype type, char *data, size_t size,
                                         void *userdata);

static inline CURLcode kazaz_easy_setopt_debug_callback(CURL *handle,
                                                        kazaz_curl_debug_callback value) {
  return curl_easy_setopt(handle, CURLOPT_DEBUGFUNCTION, value);
}

static inline CURLcode kazaz_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
  return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode kazaz_easy_getinfo_offset(CURL *handle, CURLINFO info, curl_off_t *value) {
  return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode kazaz_easy_getinfo_string(CURL *handle, CURLINFO info, char **value) {
  return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode kazaz_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value) {
  return curl_easy_getinfo(handle, info, value);
}

static inline CURLMcode kazaz_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
  return curl_multi_setopt(multi, option, value);
}

/// The CURLMsg union is awkward from Swift: return the transfer's result code directly.
static inline CURLcode kazaz_multi_message_result(const CURLMsg *message) {
  return message->data.result;
}

#endif
