#!/usr/bin/env python3
# Writes data/fisc-api-2018.yaml from the tables below and fisc2018-items.tsv,
# each transcribed by hand from the FISC documents (see the file's header).
# Usage: tools/fisc2018.py data/fisc-api-2018.yaml
# It writes the Japanese only.  The English is edited in
# data/fisc-api-2018.yaml directly, beside the Japanese, and writing the file
# again from here would drop it: this script is the record of how the
# Japanese was made.
import os
import sys
secs = [
 (1,"情報・セキュリティ管理態勢","API接続先の情報・セキュリティ管理態勢について確認する。",["FISC安対基準","銀行API報告書"]),
 (2,"外部委託管理","API接続先が外部委託を行う場合、外部委託の管理態勢について確認する。",["FISC安対基準"]),
 (3,"金融機関・API接続先の協力体制","利用者保護の観点から、金融機関及びAPI接続先における責任分界点や役割分担について確認する。",["銀行API報告書"]),
 (4,"コンピュータ設備管理","API接続先がサービスを提供するシステムが実装されているコンピュータ設備のセキュリティについて確認する。",["銀行API報告書"]),
 (5,"オフィス設備管理","API接続先がサービスを提供するシステムにアクセスする機器が設置されているオフィスのセキュリティについて確認する。",["FISC安対基準","銀行API報告書"]),
 (6,"システム開発・運用管理","API接続先の基本的な開発及び運用の管理態勢について確認する。",["FISC安対基準","銀行API報告書"]),
 (7,"サービスシステムのセキュリティ機能","API接続先が提供するサービスシステムのセキュリティ実装要件について確認する。",["銀行API報告書"]),
 (8,"APIセキュリティ機能","利用者保護の観点から、APIアクセスを管理するシステムについて確認する。",["銀行API報告書"]),
 (9,"API利用セキュリティ","利用者への説明義務について確認する。",["銀行API報告書"]),
]
refs = {
 1: [("FISC-安対基準","統4、統6、統7、統8")],
 2: [("銀行API報告書・セキュリティ原則","3.3.1 API接続先の適格性"),("FISC-安対基準","統1、統12")],
 3: [("銀行API報告書・セキュリティ原則","3.3.1 API接続先の適格性\n3.3.3 内部からの不正アクセス対策"),("FISC-安対基準","統13、統14、整1")],
 4: [("銀行API報告書・セキュリティ原則","3.3.3 内部からの不正アクセス対策")],
 5: [("銀行API報告書・セキュリティ原則","3.3.3 内部からの不正アクセス対策")],
 22: [("FISC・安対基準","実1、実8、実9、実16、実26")],
}
CG = "「サイバーガイドライン」に関する改訂"
NEW = "「サイバーガイドライン」の安全対策取込みに伴う基準小項目の新設"
T1 = "統1 システムの安全対策に係る重要事項を定めた規程を整備すること。"
T4 = "統4 セキュリティ管理体制を整備すること。"
T12 = "統12 各種業務の規則を整備すること。"
T20 = "統20 外部委託を行う場合は、事前に目的、範囲等を明確にするとともに、外部委託先選定の手続きを明確にすること。"
T21 = "統21 外部委託先と安全対策に関する項目を盛り込んだ契約を締結すること。"
T23 = "統23 外部委託における管理体制を整備し、委託業務の遂行状況を確認すること。"
T24 = "統24 クラウドサービスを利用する場合は、クラウドサービス固有のリスクを考慮した安全対策を講ずること。"
J27 = "実27 各種資源、システムへのアクセス権限の付与、見直し手続きを明確にすること。"
J28 = "実28 データファイルの授受・管理方法を明確にすること。"
J8 = "実8 本人確認機能を設けること。"
J9 = "実9 IDの不正防止機能を設けること。"
J16 = "実16 不正アクセスの監視機能を設けること。"
K1 = "監1"
rev = {
 1: [(T1, "【追加】"+NEW+"\n統1-1 サイバーセキュリティ対策に関する基本方針を整備すること。"),
     (T1, "【追加】"+NEW+"\n統1-2 サイバーセキュリティ対策に関する規程等及び業務プロセスを整備すること。"),
     (T4, "【追加】"+CG),
     (T4, "【追加】"+NEW+"\n1 サイバーセキュリティを管理するための経営資源及び人材に関する計画を策定すること。"),
     (T4, "【追加】"+NEW+"\n2 サイバーセキュリティ管理態勢の監視及び牽制を行うこと。")],
 2: [(T1, "【追加】"+CG), (T12, "【追加】下線部追加。"+CG), (T12, "【追加】"+CG)],
 3: [(T4, "【追加】"+CG), (K1, "【追加】"+CG+"\n1 サイバーセキュリティを対象とした内部監査を行うこと。")],
 10: [(T20, "【追加】"+CG), (T20, "【追加】経済安全保障推進法に関する改訂"),
      (T21, "【追加】脆弱性に関する対策基準の改訂"), (T23, "【追加】業務遂行状況の確認方法に関する対策例の改訂")],
 11: [(T24, "【追加】妥当性の確認方法に関する対策基準の改訂")],
 21: [(J27, "【追加】"+CG), (J27, "【変更】"+CG+"\n項番7の追加\n項番の振直し(順序の入れ替え) (5)→(8) (6)→(9) (7)→(5) (8)→(6)"),
      (J28, "【追加】"+CG)],
 22: [(J8, "【追加】認証方式に関する対策基準の改訂"), (J8, "【追加】"+CG), (J9, "【追加】"+CG),
      (J16, "【変更】より適切な表現に見直し(サービス妨害攻撃例の追加)")],
}
def q(s):
    # YAML double-quoted scalar
    return '"' + s.replace('\\','\\\\').replace('"','\\"').replace('\n','\\n') + '"'
out = []
w = out.append
w("# API接続チェックリスト(フォーマット)<2018年10月版>, with its 2025年度 revision.")
w("# Transcribed by hand from the FISC documents in the project's seeds:")
w("#   items 1-44 (通番, 区分, セキュリティ対応目標, 対象者), the chapters' purposes")
w("#   and sources, and 関連規定 for items 1-5: FISC, 2019-03-13,")
w("#   「FinTechに関する安全対策の在り方について」;")
w("#   item 22's 関連規定 and the 2025年度見直し notes: FISC, 2025-12-04;")
w("#   the 2021年度 review (no change): FISC, 2022-01-20.")
w("# The edition's own 手法例 are not in these documents and are not invented")
w("# here: tenken shows the trial edition's 手法例 of the corresponding items")
w("# instead (examples-from, and the mapping file). Where the documents give no")
w("# 関連規定, the item has none.")
w("# The extracted text reads 続4 for the 統制基準 統4 (as the 2025 document")
w("# names them); 統 is restored. The 2025 document writes item 22's source as")
w("# FISC・対応基準 in its table, and FISC・安対基準 is meant.")
w("# The English text is tenken's translation, edited in this file beside the")
w("# Japanese; the Japanese is the authoritative original.")
w("format: tenken-checklist 1")
w("id: fisc-api-2018")
w("title:\n  ja: API接続チェックリスト(フォーマット)<2018年10月版>")
w("edition:\n  ja: 2018年10月版(2025年度見直し)")
w("date: 2018-10-12")
w("publisher:\n  ja: オープンAPI有識者検討会 API接続チェックリストワーキンググループ")
w("source:\n  ja: 公益財団法人 金融情報システムセンター「FinTechに関する安全対策の在り方について」(2019年3月13日)、「2025年度 API接続チェックリスト見直し要否 対応方針」(2025年12月4日)、「2021年度 API接続チェックリスト見直し要否 対応方針」(2022年1月20日)")
w("remarks:\n  ja: ※ 「銀行API報告書」における「セキュリティ原則」または「利用者保護原則」を指す。")
w("examples-from: fisc-api-2017-trial")
w("history:")
w("  - date: 2018-10-12\n    text:\n      ja: "+q("確定版は、「API接続チェックリスト<2018年10月版>」として、10月12日に公表。"))
w("  - date: 2022-01-20\n    text:\n      ja: "+q("2021年度 API接続チェックリスト見直し要否 対応方針: API接続チェックリストの見直しは「不要」といたしたい"))
w("  - date: 2025-12-04\n    text:\n      ja: "+q("2025年度 API接続チェックリスト見直し要否 対応方針: API接続チェックリストの見直しは「要」とする。APIチェックリストにおいてもシステムアクセス時の認証を対象とする通番22に実務基準9を紐づけることとする。"))
w("targets:")
for i,n in (("connector","API接続先"),("institution","金融機関"),("common","共通")):
    w(f"  - id: {i}\n    name:\n      ja: {n}")
w("columns:")
for i,n in (("current","現在の対応状況"),("issues","課題認識"),("plan","課題への対応計画"),("remarks","備考")):
    w(f"  - id: {i}\n    name:\n      ja: {n}")
items = [l.rstrip('\n').split('\t') for l in open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'fisc2018-items.tsv'), encoding='utf-8')]
w("sections:")
for num,name,purpose,sources in secs:
    w(f"  - number: {num}\n    name:\n      ja: {name}\n    purpose:\n      ja: {q(purpose)}")
    w("    sources:")
    for s in sources: w(f"      - ja: {s}")
    w("    items:")
    for n,sec,goal,t in items:
        if int(sec)!=num: continue
        n=int(n)
        w(f"      - number: {n}\n        goal:\n          ja: {q(goal)}\n        target: {t}")
        if n in refs:
            w("        references:")
            for src,loc in refs[n]:
                w(f"          - source:\n              ja: {q(src)}\n            location:\n              ja: {q(loc)}")
        if n in rev:
            w("        revisions:")
            for std,ch in rev[n]:
                w(f"          - review:\n              ja: 2025年度見直し\n            standard:\n              ja: {q(std)}\n            change:\n              ja: {q(ch)}")
open(sys.argv[1],'w',encoding='utf-8').write("\n".join(out)+"\n")
