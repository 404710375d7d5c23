/* test_papers.c — the receipt's documents table read from the officer's list
 * (papers.c): one line a document, "name; form; number" or a name with its
 * form in brackets, the rest left in the name. */
#include <stdio.h>
#include <string.h>

#include "papers.h"
#include "tap.h"

static char got[256];

static const char *
parse(const char *line)
{
    struct paper_doc d;

    if (paper_doc_parse(line, strlen(line), &d) != 0) {
        return "blank";
    }
    snprintf(got, sizeof(got), "%.*s|%s|%d", (int)d.name_len, d.name, paper_doc_forms[d.form],
             d.count);
    return got;
}

int
main(void)
{
    CHECK_STR(parse("Tờ khai; bản chính; 1"), "Tờ khai|original|1", "name, original, one set");
    CHECK_STR(parse("  Giấy khai sinh ;Bản sao chứng thực;2 "), "Giấy khai sinh|certified_copy|2",
              "blanks around the parts, capital B");
    CHECK_STR(parse("Căn cước công dân; bản sao"), "Căn cước công dân|copy|0", "no number");
    CHECK_STR(parse("Giấy khai sinh (bản sao chứng thực)"), "Giấy khai sinh|certified_copy|0",
              "the form in brackets");
    CHECK_STR(parse("Sổ hộ khẩu (bản chính)"), "Sổ hộ khẩu|original|0", "original in brackets");
    CHECK_STR(parse("Tờ khai (mẫu TK1)"), "Tờ khai (mẫu TK1)||0", "other brackets stay in the name");
    CHECK_STR(parse("Bản sao CCCD"), "Bản sao CCCD||0", "a name that starts with the words is a name");
    CHECK_STR(parse("Hợp đồng; 3 trang; ký tên"), "Hợp đồng; 3 trang; ký tên||0",
              "not the documented shape: the whole line is the name");
    CHECK_STR(parse("Tờ khai; bản chính; 100"), "Tờ khai|original|0", "a number beyond 99 is not said");
    CHECK_STR(parse("   \r"), "blank", "a blank line");
    return tap_done();
}
