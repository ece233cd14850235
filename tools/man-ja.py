#!/usr/bin/env python3
# Writes man/ja/tenken.1, the Japanese tenken(1), from the text below: the
# page is pure ASCII, its Japanese written as groff \[uXXXX] escapes.
# Edit the text here and run tools/man-ja.py, not the generated page.

from manja import write_page

PAGE = r""".\" Japanese man page for tenken(1), translated from man/tenken.1.
.\" Japanese text is written as \[uXXXX] escapes so that the page renders
.\" without warnings even when groff runs without preconv.
.TH TENKEN 1 2026-11-22 "tenken 0.1.0" "ユーザーコマンド"
.\" Let lines break between Japanese characters, as groff's ja.tmac does,
.\" and leave the right margin ragged: Japanese text has few spaces to
.\" stretch when a line is justified.  No hyphenation: the English words
.\" in this page are names (commands, options, column ids).
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
.SH 名前
tenken \- FISC API接続チェックリストに記入する
.SH 書式
.B tenken
.RB [ \-f
.IR file ]
.RB [ \-c
.IR id | file ]
.RB [ print
.RI [ print-option ...]]
.br
.B tenken
.RB [ \-f
.IR file ]
.RB [ \-c
.IR id | file ]
.B status
.br
.B tenken
.RB [ \-f
.IR file ]
.RB [ \-c
.IR id | file ]
.B set
.I item
.RB [ \-\-status
.IR key ]
.RB [ \-\-field
.IR \%column = text ]...
.br
.B tenken
.RB [ \-f
.IR file ]
.RB [ \-c
.IR id | file ]
.B export
.B \-\-format
.BR csv | json
.RB [ \-o
.IR file ]
.br
.B tenken
.RB [ \-f
.IR file ]
.RB [ \-c
.IR id | file ]
.RB [ ui ]
.RB [ \-\-section
.IR n ]
.RB [ \-\-item
.IR n ]
.RB [ \-R ]
.br
.B tenken
.BR \-h | \-\-help | \-V | \-\-version
.SH 説明
.B tenken
は、API接続チェックリストへの記入を支援する。
API接続チェックリストは、国内の銀行と、その API に接続する FinTech 事業者とが、接続を開始する前にやり取りするセキュリティのチェックリストである。
.PP
チェックリストの内容、すなわち区分と、項目ごとの通番、セキュリティ対応目標、対象者、手法例、注記、関連規定、備考は、チェックリストファイルから読み込む。
チェックリストファイルについては
.BR tenken\-checklist (5)
で説明する。
チェックリストは3つ同梱している
.RB ( "tenken checklists"
を参照)。
.B fisc\-api\-2018
は2018年10月12日付の2018年10月版に2025年度見直しを反映したもので、9章44項目からなる。
銀行が新たな評価に用いる版であり、既定のチェックリストである。
.B fisc\-api\-2017\-trial
は2017年6月28日付の試行版で、9区分60項目からなる。
.B fintech\-guideline\-2016
は一般社団法人FinTech協会の2016年11月8日付セキュリティガイドライン(第1稿の抜粋)で、36の「行うべきこと」を項目とし、各区分の「行うべきでないこと」を注意として表示する。
2018年10月版自体の手法例は、転記元の資料に含まれていない。
そのため
.B tenken
は、2018年10月版の各項目の下に、その項目が置き換えた試行版の項目の手法例を、その旨を明示して表示する。
.PP
回答は、項目ごとの回答状況
.RB ( 回答状況キー " を参照)"
と、チェックリストが定める回答欄に書く自由記述の文章からなる。
回答欄は、2018年10月版では
.BR current 、
.B issues
(課題認識)、
.B plan
(課題への対応計画)、
.B remarks
の4つ、試行版では
.B current
(現在の対応状況)、
.B plan
(今後の対応予定)、
.B remarks
(備考) の3つである。
回答は、後述する SQLite データベースである回答ファイルに保存する。
項目は通番で、区分は番号で指定する。
.PP
コマンドを指定しないと、
.B tenken
は、標準入力と標準出力が端末であれば全画面の操作画面
.RB ( ui )
を開き、そうでなければ
.B print
を実行する。
.PP
.B tenken
のラベル、見出し、メッセージの言語は、ロケールまたは
.B \-\-lang
に従う。
チェックリスト自体の文章も、英訳があるものは同じ言語で表示する。
正本は日本語であり、英訳がないもの (試行版にはまだ英訳がない) は日本語で表示する。
.SS 回答ファイル
回答ファイルは SQLite 3 のデータベースである。
.B \-f
で別のファイルを指定しない限り、回答ファイルは
.IB \%$XDG_DATA_HOME /tenken/ id .db
である。
ここで
.I id
はチェックリストの id である
.RB ( 環境変数 " を参照)。"
.PP
回答ファイルを作成するのは、
.B set
と全画面の操作画面
.RB ( \-R
なし) だけである。
読み取りだけを行うコマンド
.RB ( print ,
.BR status ,
.BR export )
は、回答ファイルがなければ、誰も回答していないチェックリストとして扱い、何も作成しない。
回答ファイルには企業のセキュリティ上の弱点が記載されるため、新しい回答ファイルはモード 0600 で作成する。
既定のパスのディレクトリのうち、まだ存在しないものはモード 0700 で作成する。
回答ファイルは通常のファイルでなければならず、シンボリックリンクであってはならない。
.PP
変更はそれぞれ、ログ先行書き込み (WAL) モードかつ
.B synchronous=FULL
の設定で、個別のトランザクションとして直ちにコミットされる。
そのため、
.B set
が終了した時点で変更はディスクに書き込まれており、その直後に電源が落ちても失われない。
また、すべての変更は履歴に追記される。
履歴には、項目、変更したもの
.RB ( status
または回答欄の id)、変更前の値、変更後の値、日時 (UTC、ミリ秒までの ISO 8601 形式)、ユーザー (実ユーザー ID のログイン名) を記録する。
履歴は追記専用であり、データベースは履歴の行の変更や削除を拒否する。
履歴を表示するコマンドはまだないため、
.BR sqlite3 (1)
で読む
.RB ( 例 " を参照)。"
.PP
回答ファイルには、どのチェックリストに対する回答か (チェックリストの id) と、作成時に使ったチェックリストファイルの SHA-256 を記録する。
別のチェックリストで開こうとすると拒否され、使うべき
.B \-\-checklist
がメッセージに示される。
作成後にチェックリストファイルが変更されている (id は同じで内容が異なる。コメントだけの違いも含む) 場合、どのコマンドも、回答ファイルが別の版のチェックリストに対して回答されたものである旨を警告する。
チェックリストにもう存在しない項目や回答欄への回答は、ファイルには残るが表示されない。
.PP
SQLite のデータベースでないファイル、破損しているファイル (開くたびに SQLite の quick_check で検査する)、tenken の回答ファイルでないファイル (空のファイルを含む)、より新しい tenken が書き込んだファイルは、エラーとして拒否し、一切変更しない。
別の tenken がファイルに書き込み中の場合、tenken は最大5秒間待つ。
.SH コマンド
.TP
.B checklists
同梱のチェックリストを新しい順に一覧表示する。
id、日付、項目数、表題を表示し、
.B \-\-checklist
を指定しないときに使われるものには
.B *
の印を付ける。
.TP
.B migrate \-\-from \fIfile\fB \-\-to \fIid\fR|\fIfile\fB \-o \fInewfile\fR
.I file
の回答を、同梱の2つのチェックリスト間の対応表
.RB ( tenken\-checklist "(5) を参照)"
に沿って、チェックリスト
.I id
用の新しい回答ファイル
.I newfile
に移し、どの回答をどこに移したかを表示する。
回答欄の文章は、同じ id の回答欄に移す (試行版から2018年10月版への移行では、current は 現在の対応状況 へ、plan は 課題への対応計画 へ、remarks は 備考 へ移り、課題認識 は空になる)。
複数の旧項目が1つの新項目に移る場合は、それぞれの文章を、旧項目を示す行 ([試行版 通番3]) の下に置いてつなげる。
回答状況は、それらの旧項目の間で一致する場合にだけ引き継ぐ。
こうした項目は、表示する報告の中で要確認として示す。
対応する新項目がない旧項目の回答は移さない。
報告にはその項目と理由を示し、回答は
.I file
に残る
.RI ( file
は読み取るだけで、変更しない)。
.I newfile
は存在していてはならない。
書き込みは
.IB newfile .partial
に対して行い、完了した時点で名前を変更する。
.TP
.B ui
全画面の操作画面を開く。
.RB 詳しくは " 全画面の操作画面 " を参照。
.TP
.B print
チェックリストをすべて展開して表示する。
まず表題と日付を、次に区分ごとにその番号、名称、目的を、項目ごとに通番、セキュリティ対応目標、対象者、見出しごとの手法例、注記、関連規定、発行者による備考、そして回答 (回答状況と各回答欄) を表示する。
まだ誰も書いていない回答は
.RB 「 (未記入) 」
と表示する (英語の表示では
.BR (empty) )。
文章は端末の幅で折り返す。
標準出力が端末でないときは80桁で折り返す。
区分は、その区分の項目を1つ以上表示する場合にだけ表示する。
.TP
.B status
チェックリストの表題と回答ファイルのパスを表示し、続いて区分ごとの行と合計の行からなる表を表示する。
表の列は、全項目のうち回答済みの項目数
.RB ( 回答済 )
と、対応済、一部対応、未対応、対象外それぞれの項目数
.RB ( 対応済 、 一部対応 、 未対応 、 対象外 )
である (英語の表示での列見出しは
.BR Done ,
.BR Impl ,
.BR Part ,
.BR Not ,
.BR N/A )。
その後に、未回答を含むすべての回答状況について、その項目数を表示する。
回答状況が
.B unanswered
以外であれば、その項目は回答済みとみなす。
回答欄に文章があるだけでは回答済みとはみなさない。
.TP
.BI set " item"
通番が
.I item
である項目の回答状況または回答を設定する。
.B \-\-status
と
.B \-\-field
の少なくとも一方を指定すること。
書き込む前に、すべての引数、すなわち回答状況のキー、回答欄の id、文章を検査する。
文章は正しい UTF-8 でなければならず、改行とタブ以外の制御文字を含んではならない。
検査の後、まず回答状況を設定し、次に各
.B \-\-field
を指定した順に設定する。
それぞれが個別にコミットされる変更であり、それぞれが履歴に記録される。
途中で失敗した場合、それより前の変更はそのまま残る。
現在の値と同じ値を設定しても、何も変更せず、何も記録しない。
.I text
を空にすると回答を消去する。
回答ファイルがなければ、
.B set
が作成する。
.TP
.B export
チェックリストを回答とともに CSV または JSON で、標準出力、または
.B \-o
で指定したファイルに書き出す。
.RS
.PP
CSV は (Excel が文字コードを認識できるように) バイトオーダーマーク付きの UTF-8 で、改行は CRLF である。
すべてのフィールドは RFC 4180 に従って引用符で囲む。
すなわち二重引用符で囲み、中の二重引用符は2つ重ねる。
フィールド内の改行も CRLF で書く。
1行目は見出しで、その後に項目ごとに1行が続く。
列の順序は公式の様式と同じで、次のとおりである。
.PP
.RS
通番、区分、セキュリティ対応目標、対象者、手法例、各回答欄、関連規定、関連規定箇所、備考
.RE
.PP
さらに最後に、項目の回答状況を日本語の名称
.RB ( 回答状況キー " を参照)"
で示す追加の列 回答状況 が続く。
回答欄は、チェックリストでの順序で、日本語の名称を列見出しとして並ぶ (試行版では 現在の対応状況 と 今後の対応予定)。
ただし、id が
.B remarks
の回答欄は独立した列にならず、その回答は 備考 の列に、発行者による備考の後に改行して入る。
手法例 の列には、手法と注記を1行に1つずつ、グループの見出しを山括弧で囲んで入れる。
関連規定 と 関連規定箇所 の列には、関連規定を1行に1つずつ入れる。
.PP
.BR = 、
.BR + 、
.B @
で始まるセル、および
.B \-
の後に空白と改行以外が続くセルは、表計算ソフトで数式として実行されてしまうため、先頭にアポストロフィ
.RB ( \(aq )
を付けて書き出す。
このアポストロフィは文章の一部になる。
回答中のタブは空白として書き出す。
.PP
JSON は、バイトオーダーマークなしの UTF-8 で書いた1つのオブジェクトである。
そのメンバー
.B checklist
には、チェックリストの id、表題、日付 (なければ null)、チェックリストファイルの
.BR sha256 、
対象者、回答欄、区分が入る。
.B items
はすべての項目の配列で、各項目には通番、区分の番号、対象者の id、セキュリティ対応目標、手法例、注記、関連規定、備考、そして
.B answer
が入る。
.B answer
は、回答状況のキーを値とするメンバー
.B status
と、回答欄の id ごとのメンバー (未回答なら空文字列) を持つオブジェクトである。
文章はすべて、日本語
.RB ( ja )
と英語
.RB ( en 、
なければ null) の文章を持つオブジェクトである。
チェックリストの版、発行者、出典、区分の目的は含まない。
.RE
.SH 全画面の操作画面
最上行には、チェックリストの表題、回答ファイル、および全項目のうち回答状況が設定された項目の数
.RB ( 23/60 )
を表示する。
最下行には、カーソル位置で使える主なキー、またはメッセージを表示する。
一覧には、各区分をその番号、名称、進捗とともに表示し、その下に区分の項目を表示する。
項目には、通番、回答状況の印、端末の幅で折り返したセキュリティ対応目標、対象者を表示する。
印は色がなくても区別できる。
.B [\ ]
は未回答、
.B [x]
は対応済、
.B [/]
は一部対応、
.B [!]\&
は未対応、
.B [\-]
は対象外を表す。
端末が色を使え、かつ
.B NO_COLOR
が設定されていなければ、印に色も付く。
.PP
項目を開くと、一覧の代わりにその項目を表示する。
表示するのは、セキュリティ対応目標、対象者、関連規定、<見出し> ごとに番号付きで並べた手法例、開くまで折りたたまれた各注記、発行者による備考、そして回答状況と各回答欄である。
まだ誰も書いていない回答は
.RB 「 (未記入) 」
と表示する。
.PP
回答状況も保存した回答も、
.B set
と同じく、直ちに回答ファイルにコミットされ、履歴に記録される。
.SS キー
.TP 16
.BR j ", " Down
次の項目、または開いている項目の次の部分へ移る。
.TQ
.BR k ", " Up
前の項目または部分へ移る。
.TQ
.BR Space ", " PgDn
次のページ。
.TQ
.BR b ", " PgUp
前のページ。
.TQ
.BR g ", " Home ", " G ", " End
先頭、末尾へ移る。
.TQ
.BR Enter ", " l ", " Right
項目を開く。
項目の中では、カーソル位置に応じて、注記を開閉する、回答状況のメニューを開く、または回答欄を編集する。
.TQ
.BR h ", " Left ", " Esc
項目またはヘルプを閉じる。
.TQ
.BR "] " [
項目の中で、次または前の項目へ移る。
.TQ
.BR 1 \(en 9
その区分へ移る。
.TQ
.B /
セキュリティ対応目標、手法例、注記、関連規定、回答を、日本語または英語で検索する。
ASCII の英字は大文字と小文字を区別しない。
.TQ
.BR n ", " N
次または前の一致箇所へ移る。
.TQ
.B u
回答状況が設定されていない次の項目へ移る。
.TQ
.B f
対象者で絞り込む。
押すたびに、すべての項目、対象者ごとの項目の順に切り替わり、再びすべての項目に戻る。
対象者ごとの項目には、両方を対象とする項目
.RB ( common )
も含まれる。
.TQ
.B s
回答状況を設定する。
メニューが開き、
.BR 1 \(en 5
または Enter で選ぶ。
.TQ
.B e
カーソル位置の回答欄、または項目の最初の回答欄
.RB ( current )
を編集する。
.TQ
.B E
同じ編集を、
.BR $VISUAL 、
それがなければ
.BR $EDITOR 、
それもなければ
.B vi
で行う。
編集するのは、モード 0600 で作成し、終了後に削除する一時ファイルである。
ファイル末尾の改行は回答に含めない。
.TQ
.B o
項目のすべての注記を開く、または折りたたむ。
.TQ
.B L
チェックリストの文章を、英語 (英訳があるもの) と日本語の原文とで切り替える。
.TQ
.B J
英語で表示している項目で、英文 (目標、対象者、関連規定、手法例、注記、備考) の
それぞれの下に日本語の原文を表示する。
銀行に原文を引用して示すときに使う。
もう一度押すと消える。
次の項目に移っても表示したままになる。
.TQ
.B ?
ヘルプ。
すべてのキーを表示する。
.TQ
.BR q ", " Ctrl\-C
終了する。
.TQ
.B Ctrl\-L
画面を描き直す。
.SS 編集画面
編集画面は画面の本体部分を使う。
上部に項目、回答欄、セキュリティ対応目標を表示し、その下に、端末の幅で折り返した文章を表示する。
カーソルは日本語を含めて1文字単位で移動し、Backspace は1文字全体を削除する。
インプットメソッドからの入力や複数行の貼り付けも、タイプしたとおりに入力される。
.TP 16
.B Ctrl\-X
回答を保存して編集画面を閉じる。
.TQ
.BR Esc ", " Ctrl\-C
編集画面を閉じる。
文章を変更していた場合は、変更を破棄するかどうかを先に確認する。
.TQ
.B Enter
改行する。
.TQ
.BR Home ", " Ctrl\-A ", " End ", " Ctrl\-E
行頭または行末へ移る。
.TQ
.BR Ctrl\-K ", " Ctrl\-U
行末まで、または行頭まで削除する。
.TQ
.BR Left ", " Right ", " Up ", " Down
カーソルを移動する。
Up と Down は画面上の1行単位で移動する。
.SS 下書き
編集画面を開いている間、その文章は、最後のキー入力から1.5秒後に、下書きとして回答ファイルに保存される (下書きは回答ではなく、履歴にも記録されない)。
端末が失われたとき (SSH 接続が切れたとき。SIGHUP または入力の終了) や、tenken が終了を指示されたとき (SIGTERM、SIGINT) には、直ちに保存される。
次にそのファイルを開いたとき、
.B tenken
は下書きを1つずつ、その項目、回答欄、保存日時とともに表示し、編集画面に取り込む
.RB ( t )、
破棄する
.RB ( d )、
後のために残しておく
.RB ( Esc )
のいずれかを選ばせる。
回答を保存するか変更を破棄すると、その下書きは削除される。
.SS ui のオプション
.TP
.BR \-s ", " \-\-section " \fIn\fR"
区分
.I n
を表示した状態で開く。
.TP
.BR \-i ", " \-\-item " \fIn\fR"
通番
.I n
の項目を開く。
.TP
.BR \-R ", " \-\-read\-only
確認専用。
ファイルを読み取り専用で開き、作成することはなく、どのキーでも回答は変わらない。
最上行に
.B [読み取り専用]
と表示する (英語の表示では
.BR [read\-only] )。
.PP
操作画面には40桁10行以上の端末が必要で、それより小さい場合はその旨を表示する。
terminfo に記述のある端末であれば、色の有無にかかわらず動作する。
罫線素片は日本語の端末によって2桁幅になったり1桁幅になったりするため、線は ASCII 文字だけで描く。
.SS 曖昧幅文字
①、※、○、→ などの文字は、C ライブラリでは1桁幅だが、多くの日本語の端末 (PuTTY、mintty、iTerm2、
.BR "xterm \-cjk_width" )
では2桁幅で表示される。
そのため、同じ行でそれらより後ろにあるものの位置がすべてずれる。
端末がこれらの文字を2桁幅で描く場合は、
.B \-\-ambiguous\-width 2
を指定するか、設定ファイルに
.B "ambiguous\-width = 2"
と書く。
そうすると、操作画面、その編集画面、および
.B print
は、これらの文字をどこでも2桁として数える。
.SH オプション
以下のオプションは、コマンドの前にも、どのコマンドの後にも指定できる。
コマンドの前に指定したものはコマンドに渡される。
コマンド名の後に指定したものは、コマンドの前に指定したものより優先される。
.TP
\fB\-f\fR \fIfile\fR, \fB\-\-file\fR=\fIfile\fR
既定の
.IB \%$XDG_DATA_HOME /tenken/ id .db
の代わりに、
.I file
を回答ファイルとして使う。
.I file
が存在しない場合、
.B set
はモード 0600 で作成し (ディレクトリは存在していなければならない)、その他のコマンドは回答なしとして表示する。
.TP
\fB\-c\fR \fIid\fR|\fIfile\fR, \fB\-\-checklist\fR=\fIid\fR|\fIfile\fR
同梱のチェックリスト
.IR id 、
またはチェックリストファイル
.I file
を使う。
スラッシュを含む引数と
.B .yaml
で終わる引数はファイル名とみなす。
それ以外は同梱のチェックリストの id でなければならない。
id は英小文字、数字、ハイフンからなり、データディレクトリ
.RB ( ファイル " を参照)"
にファイル
.IB id .yaml
が存在しなければならない。
このオプションを指定しない場合、
.B tenken
は、
.B \-f
で指定した回答ファイルが存在すれば、そのファイルが回答しているチェックリストを使う (このとき、そのチェックリストは同梱のものでなければならない。
独自のチェックリストファイルを使う場合は、毎回
.B \-\-checklist
を指定すること)。
回答ファイルが存在しなければ、設定
.B checklist
で指定したもの
.RB ( ファイル " を参照)"
を使い、その設定もなければ
.B fisc\-api\-2018
を使う。
既定の回答ファイルの名前は、チェックリストファイルのファイル名ではなく、チェックリストファイルに書かれた
.B id
に基づいて付ける。
.TP
\fB\-\-lang\fR=\fBja\fR|\fBen\fR
表示 (メッセージ、ラベル、ヘルプ) とチェックリストの文章の言語を指定する。
ロケールと設定
.B lang
より優先される。
日本語のロケールが生成されていないマシンでも使える。
.B LANG=C.UTF\-8 tenken \-\-lang ja
とすれば日本語の表示になる。
チェックリストに英訳がない部分は日本語で表示する。
正本は日本語である。
コマンドの前にも後にも指定できる。
.TP
\fB\-\-ambiguous\-width\fR=\fIn\fR
コマンドの前にだけ指定できる。
端末が East Asian Ambiguous (曖昧幅) の文字に使う桁数を
.B 1
または
.B 2
で指定する
.RB ( 曖昧幅文字 " を参照)。"
設定ファイルの設定より優先される。
.TP
.BR \-h ", " \-\-help
.B tenken
の使い方の概要を表示して終了する。
コマンドの後に指定した場合は、そのコマンドの使い方を表示する。
.TP
.BR \-V ", " \-\-version
バージョンを表示して終了する。
.SS print のオプション
.TP
\fB\-s\fR \fIn\fR, \fB\-\-section\fR=\fIn\fR
区分
.I n
だけを表示する。
.TP
\fB\-i\fR \fIn\fR, \fB\-\-item\fR=\fIn\fR
通番が
.I n
の項目だけを表示する。
.B \-\-section
と併せて指定した場合は、その項目がその区分に属するときにだけ表示する。
.TP
\fB\-w\fR \fIcolumns\fR, \fB\-\-width\fR=\fIcolumns\fR
端末の幅の代わりに
.I columns
桁 (20 から 1000 まで) で文章を折り返す。
.SS set のオプション
.TP
\fB\-s\fR \fIkey\fR, \fB\-\-status\fR=\fIkey\fR
項目の回答状況を
.I key
に設定する。
.I key
は
.B 回答状況キー
のいずれかである。
.TP
\fB\-F\fR \fIcolumn\fB=\fItext\fR, \fB\-\-field\fR=\fIcolumn\fB=\fItext\fR
回答欄
.I column
.RB ( current 、
.BR plan 、
.B remarks
など、チェックリストが回答欄に付けた id) の回答を
.I text
に設定する。
.I text
を空にすると回答を消去する。
文章は複数行にわたってもよい。
複数回指定できる。
.SS export のオプション
.TP
\fB\-F\fR \fBcsv\fR|\fBjson\fR, \fB\-\-format\fR=\fBcsv\fR|\fBjson\fR
出力形式。
必ず指定する。
.TP
\fB\-o\fR \fIfile\fR, \fB\-\-output\fR=\fIfile\fR
標準出力の代わりに
.I file
に書き出す
.RB ( \- " は標準出力を表す)。"
出力は、まず同じディレクトリにモード 0600 で作成した一時ファイル
.IB file .XXXXXX
に書き込み、ディスクに同期したうえで、完了した時点で
.I file
に名前を変更する。
既存の
.I file
は置き換えられ (置き換え後のモードは 0600 になる)、書きかけの状態で残ることはない。
.SH 回答状況キー
項目の回答状況は、以下のいずれかのキーで表す。
キーは
.B set \-\-status
に指定し、JSON でも使う。
各キーの横の括弧内は公式の様式での名称で、CSV への書き出しでは 回答状況 の列にこの名称を書く。
.B print
と
.B status
は、回答状況を日本語の表示ではこれらの名称で、英語の表示では Unanswered, Implemented, Partly implemented, Not implemented, Not applicable と表示する。
.TP
.BR unanswered " (未回答)"
まだ誰もこの項目に回答していない。
すべての項目はこの回答状況から始まる。
.TP
.BR implemented " (対応済)"
対策が実施されている。
.TP
.BR partial " (一部対応)"
対策が一部実施されている。
.TP
.BR not\-implemented " (未対応)"
対策が実施されていない。
.TP
.BR not\-applicable " (対象外)"
この項目は該当しない。
.SH ファイル
.TP
.IB $XDG_DATA_HOME /tenken/ id .db
.TQ
.BI \(ti/.local/share/tenken/ id .db
チェックリスト
.I id
の既定の回答ファイル (例:
.BR \%\(ti/.local/share/tenken/fisc\-api\-2017\-trial.db )。
tenken がこのファイルを使っている間、SQLite はその隣に
.IB id .db\-wal
と
.IB id .db\-shm
を置く。
読み取りだけを行うコマンドはこれらのファイルを残すことがあるが、変更は含まれておらず、次の
.B set
で削除される。
.TP
.IB /usr/local/share/tenken/ id .yaml
同梱のチェックリスト。
パッケージのデータディレクトリ (tenken の configure 時に決まる \fB$(datadir)/tenken\fR。既定では
.BR \%/usr/local/share/tenken )
にインストールされる。
.B tenken
をビルドツリーから実行した場合は、代わりにソースツリーの
.B data
ディレクトリから読み込む。
.TP
.B /usr/local/share/tenken/fisc\-api\-2018.yaml
API接続チェックリスト(フォーマット)<2018年10月版>。
2025年度見直しを反映したもの。
.TP
.B /usr/local/share/tenken/fisc\-api\-2017\-trial.to.fisc\-api\-2018.yaml
試行版から2018年10月版への対応表。
2018年10月版の各項目について、その項目が置き換えた試行版の項目とその理由を記す。
.TP
.B /usr/local/share/tenken/fisc\-api\-2017\-trial.yaml
API接続チェックリスト(試行版)。
API接続先チェックリストワーキンググループが2017年6月28日に公表した試行版。
.TP
.IB $XDG_CONFIG_HOME /tenken/config
.TQ
.B \(ti/.config/tenken/config
設定ファイル。
1行に1つずつ
.I name
.B =
.I value
の形で書き、コメントには
.B #
を使う。
設定は
.B lang
.RB ( ja
または
.BR en )、
.B ambiguous\-width
.RB ( 1
または
.BR 2 )、
.B checklist
(id またはチェックリストファイル。
チェックリストを指定しなかったときに使うもの) の3つである。
.B tenken
が使えない行は、ファイル名と行番号とともに報告して読み飛ばす。
それ以外の行の設定は有効である。
.SH 環境変数
.TP
.B XDG_DATA_HOME
絶対パスが設定されていれば、既定の回答ファイルは
.B \%$XDG_DATA_HOME/tenken
に置かれる。
.TP
.B HOME
.B XDG_DATA_HOME
が未設定、空、または絶対パスでない場合、既定の回答ファイルは
.B \%$HOME/.local/share/tenken
に置かれる。
どちらも使えない場合、既定の回答ファイルを必要とするコマンドは失敗する。
その場合は
.B \-f
を指定すること。
.TP
.B XDG_CONFIG_HOME
絶対パスが設定されていれば、設定ファイルは
.B \%$XDG_CONFIG_HOME/tenken/config
である。
.TP
.B TENKEN_DATADIR
設定されていて空でなければ、インストールされたデータディレクトリの代わりに、このディレクトリから同梱のチェックリストを探す。
.TP
.BR LANGUAGE ", " LC_ALL ", " LC_MESSAGES ", " LANG
gettext を使うプログラムの通例どおり、
.B tenken
のメッセージ、ラベル、見出しの言語を決める。
日本語の翻訳が含まれている。
チェックリストの文章も、英訳があるものは同じ言語で表示し、それ以外は日本語の原文で表示する。
ロケールの文字集合が UTF-8 以外であっても、文章の読み書きは常に UTF-8 で行う。
.TP
.BR VISUAL ", " EDITOR
.B E
で起動するエディタ。
一時ファイルを引数として渡す。
引数を含めてもよい
.RB ( "emacs \-nw" )。
.TP
.B TMPDIR
その一時ファイルを作成するディレクトリ (未設定なら
.BR /tmp )。
.TP
.B TERM
端末の種類。
ほかの curses プログラムと同様に使われる。
.TP
.B NO_COLOR
設定されていて空でなければ、操作画面は色を使わない。
.TP
.B USER
実ユーザー ID がパスワードデータベースに登録されていない場合、履歴のユーザーとしてこの値を記録する。
.SH 終了ステータス
.TP
.B 0
成功。
.B \-\-help
と
.B \-\-version
の場合も 0 を返す。
.TP
.B 1
エラー。
チェックリストが見つからない、読み込めない、または不正である場合、回答ファイルを開けない、または拒否された場合、チェックリストにない項目や区分を指定した場合、回答の文章が正しい UTF-8 でないか制御文字を含む場合、出力を書き込めない場合である。
.TP
.B 2
使い方の誤り。
未知のコマンドやオプション、引数の不足や余分な引数、範囲外の
.BR \-\-width 、
未知の回答状況キー、
.IB column = text
の形でないか回答欄を指定していない
.BR \-\-field 、
設定する内容を指定しない
.BR set 、
.B \-\-format csv
も
.B "\-\-format json"
も指定しない
.B export
である。
.SH 例
通番7の項目を回答とともに表示する:
.PP
.RS
.EX
tenken print \-\-item 7
.EE
.RE
.PP
通番50の項目を対応済とし、対応内容を記入する:
.PP
.RS
.EX
tenken set 50 \-\-status implemented \e
    \-\-field current=\(aqトークンは暗号化 (AES\-256) して保存している。\(aq
.EE
.RE
.PP
複数行の計画を書き込み、その後それを消去する:
.PP
.RS
.EX
tenken set 50 \-\-field plan="$(cat plan\-50.txt)"
tenken set 50 \-\-field plan=
.EE
.RE
.PP
チェックリストへの回答がどこまで進んだかを確認する:
.PP
.RS
.EX
tenken status
.EE
.RE
.PP
銀行に提出するため、表計算ソフト用の CSV と JSON で書き出す:
.PP
.RS
.EX
tenken export \-\-format csv \-o answers.csv
tenken export \-\-format json \-o answers.json
.EE
.RE
.PP
まだ誰も回答していない項目の一覧を表示する:
.PP
.RS
.EX
tenken export \-\-format json |
    jq \(aq.items[] | select(.answer.status == "unanswered") | .number\(aq
.EE
.RE
.PP
ある銀行向けの回答を専用のファイルで管理する:
.PP
.RS
.EX
tenken \-f bank\-a.db set 12 \-\-status not\-applicable
tenken \-f bank\-a.db export \-\-format csv \-o bank\-a.csv
.EE
.RE
.PP
独自のチェックリストファイルに回答する:
.PP
.RS
.EX
tenken \-\-checklist ./our\-checklist.yaml set 3 \-\-status partial
.EE
.RE
.PP
すべての変更の履歴を読む:
.PP
.RS
.EX
sqlite3 \-readonly \(ti/.local/share/tenken/fisc\-api\-2017\-trial.db \e
    \(aqSELECT time, user, item, field, old, new FROM history ORDER BY id\(aq
.EE
.RE
.SH 関連項目
.BR tenken\-checklist (5),
.BR sqlite3 (1)
"""


write_page(PAGE, 'tenken.1')
