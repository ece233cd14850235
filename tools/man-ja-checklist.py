#!/usr/bin/env python3
# Writes man/ja/tenken-checklist.5, the Japanese tenken-checklist(5), from
# the text below: the page is pure ASCII, its Japanese written as groff
# \[uXXXX] escapes.  Made the same way as tools/man-ja.py makes
# man/ja/tenken.1.  Edit the text here and run tools/man-ja-checklist.py,
# not the generated page.

from manja import write_page

PAGE = r""".\" Japanese man page for tenken-checklist(5), translated from
.\" man/tenken-checklist.5.
.\" Japanese text is written as \[uXXXX] escapes so that the page renders
.\" without warnings even when groff runs without preconv.
.TH TENKEN\-CHECKLIST 5 2026-11-22 "tenken 0.1.0" "ファイル形式"
.\" Let lines break between Japanese characters, as groff's ja.tmac does,
.\" and leave the right margin ragged: Japanese text has few spaces to
.\" stretch when a line is justified.  No hyphenation: the English words
.\" in this page are names (keys, ids, file names).  .EE turns hyphenation
.\" back on with the mode in register HY, and this page has examples before
.\" its end, so HY is 0 too.
.class [CJKprepunct] \
  , : ; > } \
  、 。 ， ． ・ ： ； ？ \
  ！ ） 〕 ］ ｝ 」 』 】 \
  ぁ ぃ ぅ ぇ ぉ っ ゃ ゅ \
  ょ ー \
  ァ ィ ゥ ェ ォ ッ ャ ュ \
  ョ
.class [CJKpostpunct] \
  （ 〔 ［ ｛ 「 『 【
.class [CJKnormal] \
  ぁ-ゖ ゠-ヿ 一-鿿
.cflags 128 \C'[CJKprepunct]'
.cflags 266 \C'[CJKpostpunct]'
.cflags 512 \C'[CJKnormal]'
.ad l
.nh
.nr HY 0
.SH 名前
tenken\-checklist \- tenken のチェックリストファイルの形式
.SH 書式
.B format: tenken\-checklist 1
.SH 説明
チェックリストファイルには、
.BR tenken (1)
で使うチェックリストを1つ記述する。
記述するのは、チェックリストの表題、項目に指定できる対象者、利用者が記入する回答欄、そして区分とその項目である。
各項目には、セキュリティ対応目標、手法例、注記、関連規定、備考を記述する。
.PP
チェックリストファイルは、UTF-8 で書いた1つの YAML 文書である。
.B tenken
は、同梱のチェックリストを id で読み込むほか、
.B \-\-checklist
.I file
で指定された任意のチェックリストファイルを読み込む。
銀行や事業者は、ここで説明する形式で独自のチェックリストを作成できる。
このページでは形式 1 について説明する。
.SS 文章のフィールド
以下で「文章」とするフィールドは、すべて日本語と英語の2言語で書ける。
書き方は、日本語の原文
.RB ( ja )
とその英訳
.RB ( en )
からなるマッピングと、日本語の文章だけを表す単なる文字列の2通りである。
マッピングでは次のように書く。
.PP
.RS
.EX
goal:
  ja: セキュリティ管理責任の所在と対象範囲を明確にする
  en: Clarify where responsibility for security lies
.EE
.RE
.PP
.B ja
は必須、
.B en
は省略可能である。
.B en
が空であれば、まだ英訳がないことを表す。
正本は日本語の文章である。
.B tenken print
と対話画面は、英語が指定されない限り
.RB ( \-\-lang\ en 、英語のロケール、または
.B L
キー) 日本語の文章を表示する。
CSV への書き出しは日本語の文章を出力し、
.B "\-\-lang en"
を指定したときに限り英語を加える。
JSON への書き出しには両方が入る。
文章は正しい UTF-8 でなければならず、改行以外の制御文字を含んではならない (タブも拒否する)。
.SS 数値、id、日付
数値は、引用符で囲まずに書いた1以上の整数である。
id は1文字以上64文字以下で、各文字は英小文字
.RB ( a \- z )、
数字、ハイフンのいずれかである。
日付は
.IR YYYY \- MM \- DD
の形で書く。
.SS キー
各マッピングには、そのマッピングについて以下に挙げたキーだけを、それぞれ1回まで書ける。
また、必須とされたキーはすべて書かなければならない。
.SH 最上位のキー
.TP
.BR format " (必須)"
必ず
.B "tenken\-checklist 1"
とする。
これ以外の形式のファイルは拒否する。
.TP
.BR id " (必須)"
チェックリストの id
.RB ( fisc\-api\-2017\-trial
など)。
既定の回答ファイルの名前
.IB id .db
は、この id から付ける。
回答ファイルには、回答しているチェックリストの id が記録される。
同梱のチェックリストはファイル名
.IB id .yaml
で探すため、ファイル名と id は一致させること。
.TP
.BR title " (必須)"
文章で、文書の表題を書く。
.TP
.B edition
文章で、版 (試行版 など) を書く。
.TP
.B date
発行日。
.IR YYYY \- MM \- DD
の形で書く。
.TP
.B publisher
文章で、チェックリストの発行者を書く。
.TP
.B source
文章で、内容の転記元を書く。
.TP
.BR targets " (必須)"
項目に指定できる対象者のリストで、空であってはならない。
各対象者は、
.B id
(必須。リスト内で一意な id) と
.B name
(必須。文章) からなるマッピングである。
.TP
.BR columns " (必須)"
利用者が各項目について記入する回答欄のリストで、空であってはならない。
各回答欄は、
.B id
(必須。リスト内で一意な id) と
.B name
(必須。文章) からなるマッピングである。
id は
.B tenken set \-\-field
.IB id = text
に指定するものであり、日本語の名称は CSV への書き出しでの列見出しになる。
id が
.B remarks
の回答欄の回答は、備考 の列に、発行者による備考の後に続けて書き出す。
.TP
.BR sections " (必須)"
区分のリスト。
.TP
.B remarks
文章で、略語が何を表すかなど、文書全体についての注意書きを書く。
.TP
.B history
その版の改訂履歴。
.B date
(必須。
.IR YYYY\-MM\-DD )
と
.B text
(必須。文章) からなるマッピングのリストである。
.TP
.B examples\-from
同梱の別のチェックリストの id。
そのチェックリストの手法例を、そのチェックリストからこのチェックリストへの対応表ファイル
.RB ( 対応表ファイル " を参照)"
に沿って、このチェックリストの各項目の下に、参考として、そのチェックリストの版を明記して表示する。
.PP
項目の回答状況 (unanswered, implemented, partial, not\-implemented, not\-applicable) は固定されており、ファイルには含まれない。
.B statuses
キーは未知のキーとして拒否する。
.SH 区分
.TP
.BR number " (必須)"
数値で、区分の間で一意な番号を書く。
.TP
.BR name " (必須)"
文章で、区分の名称を書く。
.TP
.B purpose
文章で、区分の目的 (各章の目的) を書く。
.TP
.B sources
文章のリストで、その区分が依拠する文書 (FISC安対基準、銀行API報告書) を書く。
.TP
.B warnings
文章のリストで、その区分で行うべきでないことを書く。
区分の各項目とともに表示する。
.TP
.BR items " (必須)"
区分の項目のリスト。
.SH 項目
.TP
.BR number " (必須)"
通番。
ファイル全体で一意な数値である。
.TP
.BR goal " (必須)"
文章で、セキュリティ対応目標を書く。
.TP
.BR target " (必須)"
ファイルの
.B targets
のいずれかの id。
.TP
.B methods
手法例のグループのリスト。
.TP
.B notes
注記のリスト。
.TP
.B references
関連規定のリスト。
各関連規定は、
.B source
(必須。文章で、関連規定を書く) と
.B location
(文章で、関連規定箇所を書く) からなるマッピングである。
.TP
.B remarks
文章で、発行者による備考を書く。
.TP
.B revisions
見直しにおける、その項目についての注記。
.B review
(必須。文章で、2025年度見直し など、どの見直しかを書く)、
.B standard
(文章で、変更された基準を書く)、
.B change
(必須。文章で、発行者がまとめた変更内容を書く) からなるマッピングのリストである。
.TP
.B warnings
文章のリストで、行うべきでないことを書く。
項目とともに表示する。
.SS 手法例のグループと手法
手法例のグループは、
.B heading
(省略可能。文章で見出しを書く。発行者の表では <見出し> の形で書かれているが、山括弧は含めない) と
.B methods
(必須。手法のリスト) からなるマッピングである。
手法は、次のキーからなるマッピングである。
.TP
.B number
数値で、項目内での手法の番号 (1、2、...) を書く。
.TP
.BR text " (必須)"
文章で、手法を発行されたとおりに書く。
(注1) のような参照もそのまま含める。
.TP
.B notes
手法が参照する注記の番号のリスト。
(注1) であれば
.B [1]
とする。
各番号は、その項目の注記のいずれかの番号でなければならない。
.TP
.B entries
手法の下に置く細目のリスト。
.SS 注記
注記は、次のキーからなるマッピングである。
.TP
.BR number " (必須)"
(注\fIN\fR) の \fIN\fR で、項目内で一意な数値である。
.TP
.B title
文章で、(注\fIN\fR) の後に続く語句 (具体例 など) を書く。
.TP
.B text
文章で、注記の自由記述の本文を書く。
.TP
.B entries
細目のリスト。
.SS 細目
細目は、
.B label
(省略可能。①、②、a. など、発行されたとおりの記号)、
.B text
(必須。文章)、
.B entries
(省略可能。① の下の a. と b. のように、その下に入れ子にする細目のリスト) からなるマッピングである。
細目は3階層まで入れ子にできる。
.SH 対応表ファイル
データディレクトリにある対応表ファイル
.IB from .to. to .yaml
は、チェックリスト
.I to
のどの項目がチェックリスト
.I from
のどの項目を置き換えるかを示す。
.B tenken migrate
はこの対応表に沿って回答を移し、
.B examples\-from
を持つチェックリストは、この対応表を通じて古いチェックリストの手法例を表示する。
キーは次のとおりである。
.TP
.BR format " (必須)"
.B "tenken\-mapping 1"
とする。
.TP
.BR from ", " to " (必須)"
チェックリストの id。
.TP
.BR links " (必須)"
.B to
(\fIto\fR の通番)、
.B from
(\fIfrom\fR の通番のリスト。新設の項目では空)、
.B why
(文章で、理由を書く) からなるマッピングのリスト。
.TP
.B dropped
.I from
の項目のうち、対応する項目がないものについての、
.B from
と
.B why
からなるマッピングのリスト。
.PP
.I to
の各項目には、リンクがちょうど1つなければならない。
.I from
の各項目は、1回以上リンクされているか
.B dropped
に挙げられているかのどちらか一方でなければならず、両方であってはならない。
また、すべての通番は実在する項目を指していなければならない。
tenken は対応表を読み込むたびにこれを検査し、検査に合格しない対応表からは手法例を表示しない。
.SH 制限
次のいずれかに当てはまるチェックリストファイルは、
.IB file : line : column
と問題点を示すメッセージとともに拒否する。
.IP \(bu 3
64 MiB (67108864 バイト) より大きい。
.IP \(bu
YAML 文書を2つ以上含む、または1つも含まない。
.IP \(bu
YAML のアンカーまたはエイリアスを使っている。
.IP \(bu
マッピングとリストの入れ子が20階層より深い。
.IP \(bu
64 KiB (65536 バイト) より長い文字列がある。
.IP \(bu
項目が100,000個より多い。
.IP \(bu
未知のキーや2回書かれたキーがある、または必須のキーがない。
.IP \(bu
数値、id、日付として正しくない値、正しくない UTF-8 や制御文字を含む文章、一意でなければならない数値や id の重複、存在しない対象者を指定した項目、または存在しない注記を参照する手法がある。
.SH チェックリストと回答ファイル
回答ファイルには、回答しているチェックリストの id と、回答ファイル作成時のチェックリストファイルのバイト列の SHA-256 を記録する。
その後チェックリストファイルが変更されると、たとえコメントだけの変更であっても、
.B tenken
は使うたびに、回答が別の版のチェックリストに対して行われたものである旨を警告する。
変更後のチェックリストにもう存在しない項目 (通番で識別) や回答欄 (id で識別) への回答は、回答ファイルには残るが表示されない。
チェックリストの内容を本格的に変更する場合は、新しい id を付けること。
.SH 例
1つの区分と1つの項目からなる、短いが完全なチェックリスト:
.PP
.RS
.EX
format: tenken\-checklist 1
id: our\-checklist
title:
  ja: 例のチェックリスト
  en: Example checklist
date: 2024\-04\-01
targets:
  \- id: connector
    name: API接続先
columns:
  \- id: current
    name: 現在の対応状況
  \- id: remarks
    name: 備考
sections:
  \- number: 1
    name: 情報・セキュリティ管理態勢
    items:
      \- number: 1
        goal:
          ja: セキュリティ管理責任の所在と対象範囲を明確にする
          en: Make clear who is responsible for security
        target: connector
        methods:
          \- heading: 責任者の設置
            methods:
              \- number: 1
                text: セキュリティ管理に関する責任者を明確化している(注1)。
                notes: [1]
        notes:
          \- number: 1
            title: 具体例
            entries:
              \- label: ①
                text: 規程の承認及び周知
        references:
          \- source: 銀行API報告書・セキュリティ原則
            location: 3.3.1
.EE
.RE
.PP
これを
.B our\-checklist.yaml
として保存すれば、次のようにして使える。
.PP
.RS
.EX
tenken \-\-checklist ./our\-checklist.yaml print
.EE
.RE
.PP
回答は
.B \%\(ti/.local/share/tenken/our\-checklist.db
に保存される。
.SH ファイル
.TP
.IB /usr/local/share/tenken/ id .yaml
同梱のチェックリスト。
パッケージのデータディレクトリ (tenken の configure 時に決まる \fB$(datadir)/tenken\fR。既定では
.BR \%/usr/local/share/tenken 。
.B $TENKEN_DATADIR
が設定されていればそのディレクトリ) にある。
.TP
.B /usr/local/share/tenken/fisc\-api\-2017\-trial.yaml
同梱のチェックリスト
.BR fisc\-api\-2017\-trial 。
API接続先チェックリストワーキンググループが2017年6月28日に公表した試行版である API接続チェックリスト(試行版) で、9区分60項目からなる。
対象者は
.BR connector 、
.BR bank 、
.B common
(API接続先、銀行、共通)、回答欄は
.BR current 、
.BR plan 、
.B remarks
(現在の対応状況、今後の対応予定、備考) である。
.TP
.B /usr/local/share/tenken/fisc\-api\-2018.yaml
同梱のチェックリスト
.BR fisc\-api\-2018 。
2018年10月12日に公表された API接続チェックリスト(フォーマット)<2018年10月版> に2025年度見直しを反映したもので、9章44項目からなる。
対象者は
.BR connector 、
.BR institution 、
.B common
(API接続先、金融機関、共通)、回答欄は
.BR current 、
.BR issues 、
.BR plan 、
.B remarks
(現在の対応状況、課題認識、課題への対応計画、備考) である。
チェックリストを指定しないとき、
.B tenken
はこのチェックリストを使う。
.TP
.B /usr/local/share/tenken/fintech\-guideline\-2016.yaml
同梱のチェックリスト
.BR fintech\-guideline\-2016 。
一般社団法人FinTech協会の2016年11月8日付のセキュリティガイドライン(第1稿の抜粋)で、各「行うべきこと」を項目とし、各区分の「行うべきでないこと」をその区分の
.B warnings
としている。
.SH 関連項目
.BR tenken (1)
"""


write_page(PAGE, 'tenken-checklist.5')
