#pragma once
// How an action names itself to the user: its text without mnemonics, and a
// tooltip that ends with its shortcut, "Step forward (Right)", so hovering
// any button teaches the keyboard.

#include <QString>

class QAction;

namespace aw::ui {

QString plainActionText(const QAction* action);
void showShortcutInTooltip(QAction* action);

}  // namespace aw::ui
