/* conf.c — configuration file handling. */
#include "conf.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Defaults of the common keys; other keys have their default where they are read.
 * etc/motcua.hdf.example documents every key. */
static const char defaults[] =
    "Site.BaseURL = http://127.0.0.1:8080\n"
    "Site.Hotline = 1022\n"
    "Site.TLS = 0\n"
    "Paths.Templates = templates\n"
    "Paths.Run = var/run\n"
    "Paths.Uploads = var/uploads\n"
    "Paths.Outbox = var/outbox\n"
    "DB.Host = localhost\n"
    "DB.Port = 0\n"
    "DB.Socket = var/mysql/mysqld.sock\n"
    "DB.Name = motcua\n"
    "DB.ConnectTimeout = 2\n"
    "DB.ReadTimeout = 4\n"
    "Workers.citizen = 4\n"
    "Workers.officer = 2\n"
    "Workers.leader = 2\n"
    "Workers.admin = 1\n"
    "Workers.api = 2\n"
    "Limits.FormBody = 65536\n"
    "Limits.UploadBody = 16777216\n"
    "Session.IdleMinutes = 30\n"
    "Session.MaxHours = 12\n"
    "Login.MaxFailuresPerAccount = 5\n"
    "Login.MaxFailuresPerAddress = 20\n"
    "Login.DelaySeconds = 30\n"
    "Login.WindowMinutes = 15\n";

HDF *
conf_load(const char *path)
{
    HDF *h = NULL;
    NEOERR *err;

    if (path == NULL) {
        path = getenv("MOTCUA_CONF");
    }
    err = hdf_init(&h);
    if (err == STATUS_OK) {
        err = hdf_read_string(h, defaults);
    }
    if (err == STATUS_OK && path != NULL && *path != '\0') {
        err = hdf_read_file(h, path);
    }
    if (err != STATUS_OK) {
        STRING s;

        string_init(&s);
        nerr_error_string(err, &s);
        log_err("configuration %s: %s", path ? path : "(defaults)", s.buf ? s.buf : "?");
        string_clear(&s);
        nerr_ignore(&err);
        hdf_destroy(&h);
        return NULL;
    }
    return h;
}

const char *
conf_str(HDF *conf, const char *key, const char *def)
{
    return hdf_get_value(conf, key, def);
}

long long
conf_int(HDF *conf, const char *key, long long def)
{
    long long v;

    if (parse_int(hdf_get_value(conf, key, NULL), -(1LL << 62), 1LL << 62, &v) != 0) {
        return def;
    }
    return v;
}

int
conf_secret(HDF *conf, unsigned char key[32])
{
    const char *hex = hdf_get_value(conf, "Secret.Key", NULL);
    size_t n = 0;

    if (hex == NULL || strlen(hex) != 64 ||
        sodium_hex2bin(key, 32, hex, 64, NULL, &n, NULL) != 0 || n != 32) {
        return -1;
    }
    return 0;
}
