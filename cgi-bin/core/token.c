/* token.c — QR link tokens and random code parts. */
#include "token.h"

#include <sodium.h>
#include <string.h>

#include "crypto.h"

static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

void
base32_encode(const unsigned char *in, size_t n, char *out)
{
    unsigned buf = 0;
    int bits = 0;
    size_t j = 0;

    for (size_t i = 0; i < n; i++) {
        buf = (buf << 8) | in[i];
        bits += 8;
        while (bits >= 5) {
            out[j++] = alphabet[(buf >> (bits - 5)) & 31];
            bits -= 5;
        }
    }
    if (bits > 0) {
        out[j++] = alphabet[(buf << (5 - bits)) & 31];
    }
    out[j] = '\0';
}

static void
token_mac(const unsigned char secret[32], const char *nonce, char out[9])
{
    unsigned char m[5];

    mac(secret, "qr-link", nonce, TOKEN_NONCE_LEN, m, sizeof(m));
    base32_encode(m, sizeof(m), out);
}

void
token_from_nonce(const unsigned char secret[32], const char *nonce, char *out)
{
    char m[9];

    token_mac(secret, nonce, m);
    memcpy(out, nonce, TOKEN_NONCE_LEN);
    memcpy(out + TOKEN_NONCE_LEN, m, 8);
    out[TOKEN_LEN] = '\0';
}

void
token_new(const unsigned char secret[32], char *out, char *nonce_out)
{
    unsigned char r[8];

    randombytes_buf(r, sizeof(r));
    base32_encode(r, sizeof(r), nonce_out);
    token_from_nonce(secret, nonce_out, out);
}

int
token_check(const unsigned char secret[32], const char *tok, char *nonce_out)
{
    char m[9];

    if (tok == NULL || strlen(tok) != TOKEN_LEN) {
        return -1;
    }
    for (size_t i = 0; i < TOKEN_LEN; i++) {
        if (strchr(alphabet, tok[i]) == NULL || tok[i] == '\0') {
            return -1;
        }
    }
    token_mac(secret, tok, m);
    if (sodium_memcmp(m, tok + TOKEN_NONCE_LEN, 8) != 0) {
        return -1;
    }
    memcpy(nonce_out, tok, TOKEN_NONCE_LEN);
    nonce_out[TOKEN_NONCE_LEN] = '\0';
    return 0;
}

void
token_random(char *out, size_t n)
{
    unsigned char b[64];

    /* a byte's low five bits are uniform over the 32 characters (256 is a
     * multiple of 32), and one call reads the bytes of up to 64 of them
     * (randombytes_uniform made a system call a character) */
    while (n > 0) {
        size_t k = n < sizeof(b) ? n : sizeof(b);

        randombytes_buf(b, k);
        for (size_t i = 0; i < k; i++) {
            *out++ = alphabet[b[i] & 31];
        }
        n -= k;
    }
    *out = '\0';
    sodium_memzero(b, sizeof(b));
}
