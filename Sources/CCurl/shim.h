// Typed wrappers around libcurl's variadic entry points, which Swift cannot call directly.
// One wrapper per argument type keeps the C side trivial and the Swift side type-checked.
#ifndef KAZAZ_CURL_SHIM_H
#define KAZAZ_CURL_SHIM_H

#include <curl/curl.h>

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
