/* answers: the benchmarks' answer files and the store's commit time.
 *
 *   answers fill CHECKLIST FILE
 *     answers two items in three, as a security officer would: a status and
 *     a Japanese sentence in the first answer column, each committed through
 *     the store like an answer typed in tenken;
 *   answers commit CHECKLIST FILE N
 *     commits N answers one after another and prints, one per line, the
 *     microseconds each took until the store returned (the answer is then
 *     durable: see store.c on synchronous=FULL).
 */
#define _POSIX_C_SOURCE 200809L
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "answers.h"
#include "checklist_yaml.h"
#include "store.h"

static const char *const sentences[] = {
	"責任者を任命し、規程に明記している。年次で見直しを行っている。",
	"アクセスログを一年間保存し、月次で不正なアクセスの有無を確認している。",
	"委託先とは契約で安全管理措置を定め、年一回の監査で遵守状況を確認している。",
	"一部の部署のみで実施している。全社への展開は来年度の計画に含めている。",
};

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

int main(int argc, char **argv)
{
	char err[1024];
	struct checklist *cl;
	struct answers *a;
	struct store *st;
	int fill;

	if (argc < 4 || (strcmp(argv[1], "fill") != 0 && strcmp(argv[1], "commit") != 0) ||
	    (strcmp(argv[1], "commit") == 0 && argc != 5)) {
		fprintf(stderr, "usage: answers fill CHECKLIST FILE\n"
				"       answers commit CHECKLIST FILE N\n");
		return 2;
	}
	/* The loader decodes UTF-8 with the C library: as tenken does. */
	setlocale(LC_CTYPE, "C.UTF-8");
	fill = strcmp(argv[1], "fill") == 0;
	if (!(cl = checklist_load_file(argv[2], err, sizeof err))) {
		fprintf(stderr, "answers: %s\n", err);
		return 1;
	}
	a = answers_new(cl);
	if (!(st = store_open(argv[3], cl, 0, err, sizeof err)) ||
	    store_load(st, a, err, sizeof err) != 0) {
		fprintf(stderr, "answers: %s\n", err);
		return 1;
	}
	if (fill) {
		for (size_t i = 0; i < cl->n_items; i++) {
			if (i % 3 == 2)
				continue;
			if (store_set_status(st, a, i, i % 3 ? STATUS_PARTIAL : STATUS_IMPLEMENTED,
					     err, sizeof err) != 0 ||
			    store_set_text(st, a, i, 0, sentences[i % 4], err, sizeof err) != 0) {
				fprintf(stderr, "answers: %s\n", err);
				return 1;
			}
		}
	} else {
		long n = strtol(argv[4], NULL, 10);
		for (long k = 0; k < n; k++) {
			char text[256];
			snprintf(text, sizeof text, "%s(%ld)", sentences[k % 4], k);
			double t = now_us();
			if (store_set_text(st, a, (size_t)k % cl->n_items, 1 % cl->n_columns, text,
					   err, sizeof err) != 0) {
				fprintf(stderr, "answers: %s\n", err);
				return 1;
			}
			printf("%.0f\n", now_us() - t);
		}
	}
	store_close(st);
	answers_free(a);
	checklist_free(cl);
	return 0;
}
