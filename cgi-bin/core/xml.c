/* xml.c — XML text with its escaping (xml.h). */
#include "xml.h"

#include <string.h>

void
buf_xml_text(struct buf *b, const char *s)
{
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        switch (*c) {
        case '&': buf_adds(b, "&amp;"); break;
        case '<': buf_adds(b, "&lt;"); break;
        case '>': buf_adds(b, "&gt;"); break;
        case '"': buf_adds(b, "&quot;"); break;
        case '\'': buf_adds(b, "&#39;"); break;
        default:
            /* XML 1.0 has no place for the other C0 controls, even as references */
            if (*c >= 0x20 || *c == '\t' || *c == '\n' || *c == '\r') {
                buf_addc(b, (char)*c);
            }
        }
    }
}

static const char *
item_name(const char *name, const struct xml_list *lists, size_t nlists)
{
    for (size_t i = 0; i < nlists; i++) {
        if (strcmp(lists[i].plural, name) == 0) {
            return lists[i].singular;
        }
    }
    return "item";
}

void
xml_from_json(struct buf *b, const char *name, struct json_object *v, const struct xml_list *lists,
              size_t nlists)
{
    buf_printf(b, "<%s>", name);
    switch (json_object_get_type(v)) {
    case json_type_object:
        json_object_object_foreach(v, key, child)
        {
            if (child != NULL) {
                xml_from_json(b, key, child, lists, nlists);
            }
        }
        break;
    case json_type_array: {
        const char *item = item_name(name, lists, nlists);

        for (size_t i = 0; i < json_object_array_length(v); i++) {
            xml_from_json(b, item, json_object_array_get_idx(v, i), lists, nlists);
        }
        break;
    }
    case json_type_null: break;
    default: buf_xml_text(b, json_object_get_string(v));
    }
    buf_printf(b, "</%s>", name);
}
