/* Shared test fixtures: a small valid checklist. */
#ifndef TENKEN_TEST_FIXTURES_H
#define TENKEN_TEST_FIXTURES_H

/* Two sections, three items, two answer columns. Line numbers matter to the
 * loader tests that patch this text: keep its shape. */
#define FIXTURE_YAML                                                                               \
	"format: tenken-checklist 1\n"                                                             \
	"id: mini\n"                                                                               \
	"title:\n"                                                                                 \
	"  ja: 小さなチェックリスト\n"                                                   \
	"  en: A small checklist\n"                                                                \
	"date: 2017-06-28\n"                                                                       \
	"targets:\n"                                                                               \
	"  - id: connector\n"                                                                      \
	"    name: API接続先\n"                                                                 \
	"  - id: bank\n"                                                                           \
	"    name: 銀行\n"                                                                       \
	"columns:\n"                                                                               \
	"  - id: current\n"                                                                        \
	"    name: 現在の対応状況\n"                                                        \
	"  - id: plan\n"                                                                           \
	"    name: 今後の対応予定\n"                                                        \
	"sections:\n"                                                                              \
	"  - number: 1\n"                                                                          \
	"    name: 情報・セキュリティ管理態勢\n"                                      \
	"    items:\n"                                                                             \
	"      - number: 1\n"                                                                      \
	"        goal: 責任の所在を明確にする\n"                                        \
	"        target: connector\n"                                                              \
	"        methods:\n"                                                                       \
	"          - heading: 責任者の設置\n"                                                \
	"            methods:\n"                                                                   \
	"              - number: 1\n"                                                              \
	"                text: 責任者を置いている(注1)。\n"                             \
	"                notes: [1]\n"                                                             \
	"        notes:\n"                                                                         \
	"          - number: 1\n"                                                                  \
	"            title: 具体例\n"                                                           \
	"            entries:\n"                                                                   \
	"              - label: ①\n"                                                             \
	"                text: 規程の承認\n"                                                  \
	"                entries:\n"                                                               \
	"                  - label: a.\n"                                                          \
	"                    text: 事業者の名称\n"                                           \
	"        references:\n"                                                                    \
	"          - source: FISC・安対基準\n"                                                \
	"            location: 運3、運4\n"                                                      \
	"      - number: 2\n"                                                                      \
	"        goal: ルールを整備する\n"                                                 \
	"        target: bank\n"                                                                   \
	"  - number: 2\n"                                                                          \
	"    name: 外部委託管理\n"                                                           \
	"    items:\n"                                                                             \
	"      - number: 3\n"                                                                      \
	"        goal: 委託先を管理する\n"                                                 \
	"        target: connector\n"

#endif
