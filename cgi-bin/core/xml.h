/* xml.h — XML text with its escaping, and the XML form of a JSON value
 * (Open311's "Spark convention": the JSON is the XML with lists as arrays). */
#ifndef MOTCUA_XML_H
#define MOTCUA_XML_H

#include <json-c/json.h>

#include "util.h"

/* s as XML character data or attribute value: & < > " ' escaped, and the
 * characters XML 1.0 cannot hold (controls other than TAB, LF, CR) dropped. */
void buf_xml_text(struct buf *b, const char *s);

/* One list's element names: the list <plural> holds items <singular>. */
struct xml_list {
    const char *plural, *singular;
};

/* v as the element <name>: an object's members as child elements in order,
 * an array's items as elements named by lists (name → item name; "item"
 * when not listed), strings escaped, true/false and numbers as text, a null
 * member left out.  Names are the caller's (plain ASCII, never input). */
void xml_from_json(struct buf *b, const char *name, struct json_object *v,
                   const struct xml_list *lists, size_t nlists);

#endif
