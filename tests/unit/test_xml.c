/* test_xml.c — unit tests of xml.c (escaping, the XML form of a JSON value)
 * and of fb_rules.c's checks of a new feedback case. */
#include <string.h>

#include "fb_rules.h"
#include "form.h"
#include "tap.h"
#include "xml.h"

static struct pool P;

static const char *
esc(const char *s)
{
    struct buf b = { 0 };
    const char *out;

    buf_xml_text(&b, s);
    buf_addc(&b, '\0');
    out = pool_strdup(&P, b.p);
    buf_free(&b);
    return out;
}

static const char *
to_xml(const char *json, const char *root)
{
    static const struct xml_list lists[] = { { "requests", "request" }, { "values", "value" } };
    struct json_object *v = json_tokener_parse(json);
    struct buf b = { 0 };
    const char *out;

    xml_from_json(&b, root, v, lists, NELEM(lists));
    buf_addc(&b, '\0');
    out = pool_strdup(&P, b.p);
    buf_free(&b);
    json_object_put(v);
    return out;
}

/* fb_check over a urlencoded form; *first_key the first error's key */
static size_t
check(const char *body, struct fb_new *in, const char **first_key)
{
    struct fb_err errs[8];
    struct kvlist form;
    size_t n;

    memset(in, 0, sizeof(*in));
    if (form_parse(&P, body, strlen(body), NULL, &form) != FORM_OK) {
        return 99;
    }
    n = fb_check(&P, &form, in, errs, NELEM(errs));
    *first_key = n ? errs[0].key : NULL;
    return n;
}

int
main(void)
{
    struct fb_new in;
    const char *key;
    char *phone;

    CHECK_STR(esc("a<b>&\"c'd"), "a&lt;b&gt;&amp;&quot;c&#39;d", "the five characters escaped");
    CHECK_STR(esc("Phản ánh\tdòng 1\ndòng 2\r"), "Phản ánh\tdòng 1\ndòng 2\r",
              "UTF-8, TAB, LF and CR kept");
    CHECK_STR(esc("a\x01\x08\x0b\x1f"
                  "b"),
              "ab", "controls XML cannot hold dropped");
    CHECK_STR(esc("&amp;"), "&amp;amp;", "an entity is text, escaped again");
    CHECK_STR(to_xml("{\"a\":\"x<y\",\"n\":3,\"t\":true,\"z\":null}", "r"),
              "<r><a>x&lt;y</a><n>3</n><t>true</t></r>", "members in order, null left out");
    CHECK_STR(to_xml("[{\"id\":\"1\"},{\"id\":\"2\"}]", "requests"),
              "<requests><request><id>1</id></request><request><id>2</id></request></requests>",
              "a list's items named as listed");
    CHECK_STR(to_xml("{\"values\":[{\"key\":\"k\"}],\"other\":[1]}", "d"),
              "<d><values><value><key>k</key></value></values><other><item>1</item></other></d>",
              "an unlisted list's items are <item>");
    CHECK_STR(to_xml("[]", "requests"), "<requests></requests>", "an empty list");

    CHECK(fb_phone_ok("0912 345 678", &P, &phone) && strcmp(phone, "0912345678") == 0,
          "a phone with spaces, normalised");
    CHECK(fb_phone_ok("+84 912.345.678", &P, &phone), "an international phone");
    CHECK(!fb_phone_ok("12", &P, &phone), "too short");
    CHECK(!fb_phone_ok("0912-abc", &P, &phone), "letters");

    CHECK(check("kind=petition&content=x&identity=anonymous&name=A&email=a%40example.vn"
                "&phone=0912345678",
                &in, &key) == 0 &&
              in.name == NULL && in.email == NULL && in.phone == NULL,
          "anonymous: accepted, and no contact kept");
    CHECK(check("kind=khac&content=x&identity=anonymous", &in, &key) == 1 &&
              strcmp(key, "Fb.Err.Kind") == 0,
          "an unknown kind");
    CHECK(check("kind=praise&identity=anonymous", &in, &key) == 1 &&
              strcmp(key, "Fb.Err.Content") == 0,
          "no content");
    CHECK(check("kind=praise&content=x&identity=named&name=A", &in, &key) == 1 &&
              strcmp(key, "Fb.Err.Contact") == 0,
          "named without a phone or an e-mail");
    CHECK(check("kind=praise&content=x&identity=confidential&name=A&phone=0912+345+678", &in,
                &key) == 0 &&
              strcmp(in.phone, "0912345678") == 0 && strcmp(in.identity, "confidential") == 0,
          "confidential with a phone: accepted, the phone normalised");
    CHECK(check("kind=praise&content=x&identity=secret", &in, &key) == 1 &&
              strcmp(key, "Fb.Err.Identity") == 0,
          "an unknown identity");
    CHECK(check("kind=praise&content=x&identity=named&name=A&email=a%40b", &in, &key) == 1 &&
              strcmp(key, "Fb.Err.Email") == 0,
          "an e-mail without a dotted domain");
    pool_release(&P);
    return tap_done();
}
