/* crypto.c — the keyed hash, token hash and random tokens the site's secrets are made of. */
#include "crypto.h"

#include <sodium.h>
#include <string.h>

#include "util.h"

void
mac(const unsigned char secret[32], const char *purpose, const void *msg, size_t len,
    unsigned char *out, size_t outlen)
{
    crypto_generichash_state st;

    crypto_generichash_init(&st, secret, 32, outlen);
    crypto_generichash_update(&st, (const unsigned char *)purpose, strlen(purpose) + 1);
    crypto_generichash_update(&st, msg, len);
    crypto_generichash_final(&st, out, outlen);
}

void
random_hex(char *out, size_t nbytes)
{
    unsigned char b[64];

    if (nbytes > sizeof(b)) {
        nbytes = sizeof(b);
    }
    randombytes_buf(b, nbytes);
    hex_encode(out, b, nbytes);
}

void
sec_hash_hex(const char *token, char out[65])
{
    unsigned char h[32];

    crypto_generichash(h, sizeof(h), (const unsigned char *)token, strlen(token), NULL, 0);
    hex_encode(out, h, sizeof(h));
}
