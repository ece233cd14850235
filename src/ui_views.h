/* ui_views: the views, each defined in its own file. Only the dispatcher
 * (ui.c) includes this: no view can name another. Private to ui*.c. */
#ifndef TENKEN_UI_VIEWS_H
#define TENKEN_UI_VIEWS_H

#include "ui_view.h"

extern const struct view_ops ui_list_ops, ui_item_ops, ui_help_ops, ui_menu_ops, ui_prompt_ops,
	ui_confirm_ops, ui_recover_ops, ui_editor_ops, ui_conflict_ops, ui_export_ops,
	ui_history_ops;

#endif
