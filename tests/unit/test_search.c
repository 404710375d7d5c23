/* test_search.c — unit tests of search.c: folding, synonym variants, scores
 * worked out by hand from the rule in search.h. */
#include <string.h>

#include "search.h"
#include "tap.h"
#include "util.h"

static struct pool P;

int
main(void)
{
    /* folding: diacritics, case, đ, y/i, spaces and punctuation */
    CHECK_STR(search_fold(&P, "  Đăng  KÝ kinh doanh "), "dang ki kinh doanh", "trim, collapse, fold");
    CHECK_STR(search_fold(&P, "\xC4\x90" "a\xCC\x86" "ng ky\xCC\x81"), "dang ki", "NFD input folds the same");
    CHECK_STR(search_fold(&P, "Giấy chứng nhận quyền sử dụng đất"), "giay chung nhan quyen su dung dat",
              "every Vietnamese vowel; y after another vowel or inside a word stays");
    CHECK_STR(search_fold(&P, "Lý lịch, QUÝ, mỹ thuật, y tế, thủy, giải"), "li lich qui mi thuat i te thuy giai",
              "a word-final y as the only vowel reads as i");
    CHECK_STR(search_fold(&P, "sổ đỏ, sổ hồng!"), "so do so hong", "punctuation is a space");
    CHECK_STR(search_fold(&P, "CCCD\xC2\xA0" "gắn chip"), "cccd gan chip", "no-break space");
    CHECK_STR(search_fold(&P, "   "), "", "only spaces");
    CHECK(search_fold(&P, "\xC3\x28") == NULL, "invalid UTF-8 refused");
    CHECK_STR(search_fold(&P, "ƯỚC lượng ơ"), "uoc luong o", "ư, ơ (horn) fold");

    /* scores: 10 per whole word, 5 per prefix, +20 phrase, +10 at the start */
    CHECK(search_score("dang ki kinh doanh", "dang ki kinh doanh") == 4 * 10 + 20 + 10, "exact name: 70");
    CHECK(search_score("dang ki thanh lap ho kinh doanh", "kinh doanh dang ki") == 40, "any order: 40, no phrase");
    CHECK(search_score("dang ki thanh lap ho kinh doanh", "ho kinh doanh") == 30 + 20, "phrase inside: 50");
    CHECK(search_score("dang ki khai sinh", "dang ki khai s") == 30 + 5, "prefix word: 35, no phrase");
    CHECK(search_score("dang ki khai sinh", "dang ki ket hon") == 0, "a word missing: no match");
    CHECK(search_score("cap ban sao trich luc", "an") == 0, "inside a word is not a match");
    CHECK(search_score("cap ban sao", "") == 0, "empty query");

    /* synonyms: the query first, then each term replaced by its expansion */
    struct search_synonym syn[] = {
        { "so do", "giay chung nhan quyen su dung dat" },
        { "cccd", "can cuoc" },
        { "do", "never whole here" },
    };
    const char *v[4];
    size_t n = search_variants(&P, "cap lai so do bi mat", syn, 3, v, 4);
    CHECK(n == 3, "two terms found (so do, do): %zu variants", n);
    CHECK_STR(v[0], "cap lai so do bi mat", "the query itself first");
    CHECK_STR(v[1], "cap lai giay chung nhan quyen su dung dat bi mat", "term replaced in place");
    CHECK_STR(v[2], "cap lai so never whole here bi mat", "each term on its own");
    n = search_variants(&P, "cccd", syn, 3, v, 4);
    CHECK(n == 2 && strcmp(v[1], "can cuoc") == 0, "a one-word term");
    n = search_variants(&P, "sodo", syn, 3, v, 4);
    CHECK(n == 1, "a term inside a word is not replaced");
    n = search_variants(&P, "so do cccd", syn, 3, v, 2);
    CHECK(n == 2, "at most max variants");

    pool_release(&P);
    /* the inbox search's terms: the pairs in their order, the last one begun */
    {
        const char *t[12];
        char word[300], want[200];
        size_t n = search_terms(&P, "so do bi m", t, 12);

        CHECK(n == 3, "three words and a begun one: three pairs");
        CHECK_STR(t[0], "so_do", "first pair");
        CHECK_STR(t[1], "do_bi", "second pair");
        CHECK_STR(t[2], "bi_m", "the last pair, its second word as typed");
        CHECK(search_terms(&P, "so", t, 12) == 1 && strcmp(t[0], "so") == 0, "one word: itself");
        CHECK(search_terms(&P, "", t, 12) == 0, "nothing typed: no term");
        CHECK(search_terms(&P, "a b c d e", t, 2) == 2 && strcmp(t[1], "b_c") == 0,
              "a longer phrase: its first terms");
        /* 90 Cyrillic letters (2 bytes each, another script kept as written):
         * cut at 84 letters, as the index cuts them */
        for (int i = 0; i < 90; i++) {
            memcpy(word + 2 * i, "\xD0\xB6", 2);
        }
        word[180] = '\0';
        memcpy(want, word, 168);
        want[168] = '\0';
        CHECK(search_terms(&P, word, t, 12) == 1 && strcmp(t[0], want) == 0,
              "a term of 90 letters: its first 84, whole letters");
    }
    return tap_done();
}
