/* search.h — forgiving search over short Vietnamese texts (procedure names):
 * folding, everyday synonyms and a ranking a citizen can predict. */
#ifndef MOTCUA_SEARCH_H
#define MOTCUA_SEARCH_H

#include <stddef.h>

#include "util.h"

/* The matching form of a text: diacritics dropped (NFD, combining marks
 * removed), lower case, "đ" as "d", a word-final "y" that is the word's only
 * vowel as "i" (the two spellings of "ký"/"kí", "quý"/"quí"), anything that is
 * not a letter or digit a space, spaces collapsed and trimmed.
 * "  Đăng  KÝ " → "dang ki".  NULL for invalid UTF-8.  In the pool. */
char *search_fold(struct pool *p, const char *s);

/* A synonym: an everyday name (term) and what the catalogue calls it
 * (expansion), both folded. */
struct search_synonym {
    const char *term, *expansion;
};

/* The ways to read a folded query: the query itself first, then, for each
 * synonym whose term occurs in it as whole consecutive words, the query with
 * that term replaced by its expansion.  Returns how many (at most max). */
size_t search_variants(struct pool *p, const char *query, const struct search_synonym *syn,
                       size_t nsyn, const char **out, size_t max);

/* Score of a folded text for a folded query, 0 when it does not match.  A
 * text matches when every word of the query begins some word of the text, in
 * any order.  Each query word equal to a whole word of the text counts 10, one
 * that only begins a word 5; the query found in the text as consecutive words
 * adds 20, and at the text's start 10 more. */
int search_score(const char *text, const char *query);

/* The full-text index's query (sql/100_search_index.sql, BOOLEAN MODE) for
 * folded texts: a row matches when, for one of the n variants, every word of
 * it begins a word of the row's folded text, as search_score asks.  "so do" →
 * "+so* +do*"; two variants → "(+so* +do*) (+giay* +do*)".  Folded text holds
 * no operator characters, so the words go in as they are.  NULL when every
 * variant is empty.  In the pool. */
char *search_ft_query(struct pool *p, const char *const *variants, size_t n);

/* What the full-text index holds for a text: its folded words, then each two
 * neighbouring words joined by "_" ("Sổ đỏ bị mất" → "so do bi mat so_do do_bi
 * bi_mat").  Folded Vietnamese syllables are short and few: "so" or "do"
 * alone is in a large share of all texts, the pair "so_do" in few, so a
 * search of several words reads the pairs.  "" for invalid UTF-8.  In the
 * pool. */
char *search_index_text(struct pool *p, const char *s);

/* The longest term of the inbox search's index (feedback_term.term, in
 * characters): longer ones are cut there, in the index and in a search. */
#define SEARCH_TERM_MAX 84

/* What the inbox search looks up in its index (sql/230_search_terms.sql) for
 * the words of a folded text in that order, the last one as far as typed:
 * "so do bi m" → "so_do", "do_bi", "bi_m"; one word "so" → "so".  Every term
 * but the last is a whole term of the case's text; the last begins one.  Each
 * cut at SEARCH_TERM_MAX characters.  How many into out (at most max: a
 * longer phrase is looked up by its first max terms, the last of them then
 * read as begun only); 0 for an empty text.  In the pool. */
size_t search_terms(struct pool *p, const char *folded, const char **out, size_t max);

#endif
