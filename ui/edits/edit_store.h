#pragma once
// Autosave of what a user types, so a crash or a closed window loses nothing:
// the edited text of a built-in lesson, of a script file, or of a new script
// not saved yet, kept under a key in a folder of its own (by default
// <AppDataLocation>/edits), one file per key, written atomically (QSaveFile:
// a crash mid-write leaves the previous version whole).
//
// Keys: lessonEditKey("05-tasks-gather") == "lesson:05-tasks-gather",
// fileEditKey("/abs/path.py") == "file:/abs/path.py", untitledEditKey(1) == "untitled:1".
// Any non-empty string works; file names are made from a hash of the key.
//
// The store keeps edits; it does not know the originals. The window saves
// on every pause in typing (AutosaveTimer), discards the key when the user
// reverts, saves the file, or the text is back to the original, and on opening
// a lesson or file asks load() whether there is an edit to restore.
//
// Errors (unwritable folder, full disk, unreadable or corrupt file) come back
// as a message; nothing fails silently.

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

class QTimer;

namespace aw::ui {

QString lessonEditKey(const QString& folder);      // "lesson:<folder>"
QString fileEditKey(const QString& absolutePath);  // "file:<absolute path>"
QString untitledEditKey(int number);               // "untitled:<number>"

struct StoredEdit {
    QString key;
    QString text;
    QDateTime savedAt;  // UTC
};

class EditStore {
public:
    // <AppDataLocation>/edits (QStandardPaths; needs the application name set).
    static QString defaultDirectory();

    explicit EditStore(QString directory = defaultDirectory());

    QString directory() const { return m_directory; }

    // Keeps `text` as the edit for `key`, replacing any earlier one. Creates
    // the folder when needed. Returns an empty string on success, else why not.
    [[nodiscard]] QString save(const QString& key, const QString& text);

    // The edit kept for `key`; nothing when there is none. When a kept edit
    // cannot be read, returns nothing and sets *error (if given) to why.
    std::optional<QString> load(const QString& key, QString* error = nullptr) const;

    // The stored edit with its time; same rules as load().
    std::optional<StoredEdit> loadEntry(const QString& key, QString* error = nullptr) const;

    // Forgets the edit for `key` (the user reverted to the original, or saved
    // the file). No edit is not an error. Returns an empty string on success.
    [[nodiscard]] QString discard(const QString& key);

    bool hasEdits(const QString& key) const;

    // Every edit kept, newest first (what a crash left behind). Files that
    // cannot be read are skipped and named in *errors (if given).
    QList<StoredEdit> all(QStringList* errors = nullptr) const;

    // The file an edit for `key` is kept in (whether or not it exists).
    QString pathFor(const QString& key) const;

private:
    QString m_directory;
};

// Saves a text into an EditStore a moment after the last change, so typing
// does not write the disk on every key: call schedule() on every change;
// `delayMs` after the last call the latest text is saved. flush() saves a
// pending text at once (call it before switching lesson or file, and on close).
// Scheduling a different key first flushes the pending one.
class AutosaveTimer : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultDelayMs = 800;

    // The store must outlive the timer.
    explicit AutosaveTimer(EditStore* store, int delayMs = kDefaultDelayMs, QObject* parent = nullptr);
    // Saves a pending text (without signals: nobody may be listening any more).
    ~AutosaveTimer() override;

    void schedule(const QString& key, const QString& text);
    void flush();
    // Drops a pending save (e.g. the user reverted before the timer fired).
    void cancel();
    bool isPending() const;
    int delayMs() const;

signals:
    void saved(const QString& key);
    void saveFailed(const QString& key, const QString& error);

private:
    EditStore* m_store;
    QTimer* m_timer;
    QString m_key;
    QString m_text;
    bool m_pending = false;
};

}  // namespace aw::ui
