/* CCurl: libcurl for Swift. curl_easy_setopt/getinfo are variadic and cannot be called from
 * Swift, so each argument kind gets a typed static inline wrapper here. Nothing else belongs here. */
#ifndef HKBILL_CCURL_SHIM_H
#define HKBILL_CCURL_SHIM_H
#include <curl/curl.h>

typedef size_t (*hk_curl_data_cb)(char *ptr, size_t size, size_t nmemb, void *userdata);
typedef int (*hk_curl_xferinfo_cb)(void *clientp, curl_off_t dltotal, curl_off_t dlnow,
                                    curl_off_t ultotal, curl_off_t ulnow);
typedef int (*hk_curl_sockopt_cb)(void *clientp, curl_socket_t curlfd, curlsocktype purpose);

static inline CURLcode hk_curl_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode hk_curl_setopt_ptr(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode hk_curl_setopt_str(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode hk_curl_setopt_off(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode hk_curl_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode hk_curl_setopt_datacb(CURL *h, CURLoption o, hk_curl_data_cb v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode hk_curl_setopt_xferinfocb(CURL *h, CURLoption o, hk_curl_xferinfo_cb v) { return curl_easy_setopt(h, o, v); }

static inline CURLcode hk_curl_getinfo_long(CURL *h, CURLINFO i, long *out) { return curl_easy_getinfo(h, i, out); }
static inline CURLcode hk_curl_getinfo_off(CURL *h, CURLINFO i, curl_off_t *out) { return curl_easy_getinfo(h, i, out); }
static inline CURLcode hk_curl_getinfo_double(CURL *h, CURLINFO i, double *out) { return curl_easy_getinfo(h, i, out); }
static inline CURLcode hk_curl_getinfo_str(CURL *h, CURLINFO i, char **out) { return curl_easy_getinfo(h, i, out); }

#endif
