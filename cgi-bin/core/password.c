/* password.c — staff passwords, stored as argon2id hashes. */
#include "password.h"

#include <string.h>

int
pw_hash(const char *pw, char *out)
{
    return crypto_pwhash_str(out, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             crypto_pwhash_MEMLIMIT_INTERACTIVE);
}

int
pw_verify(const char *hash, const char *pw)
{
    return crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
}
