#include "ui/edits/edit_store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>

namespace aw::ui {

namespace {

// Each edit is one small JSON file: the key (a file name cannot hold every
// key, so names are hashes and the key is kept inside), the text, the time.
// Readable by hand if anyone ever needs to rescue a text without the app.
const QString kFormat = QStringLiteral("awaitscope-edit-1");
const QString kSuffix = QStringLiteral(".edit.json");

std::optional<StoredEdit> readEditFile(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QObject::tr("cannot read the autosaved edit %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(file.readAll(), &parseError);
    const QJsonObject object = json.object();
    if (parseError.error != QJsonParseError::NoError || object.value(QStringLiteral("format")).toString() != kFormat ||
        !object.value(QStringLiteral("key")).isString() || !object.value(QStringLiteral("text")).isString()) {
        if (error)
            *error = QObject::tr("the autosaved edit %1 is damaged (%2)")
                         .arg(path, parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                                 : QObject::tr("not an edit file"));
        return std::nullopt;
    }
    return StoredEdit{object.value(QStringLiteral("key")).toString(), object.value(QStringLiteral("text")).toString(),
                      QDateTime::fromString(object.value(QStringLiteral("savedAt")).toString(), Qt::ISODateWithMs)};
}

}  // namespace

QString lessonEditKey(const QString& folder) {
    return QStringLiteral("lesson:") + folder;
}

QString fileEditKey(const QString& absolutePath) {
    return QStringLiteral("file:") + absolutePath;
}

QString untitledEditKey(int number) {
    return QStringLiteral("untitled:") + QString::number(number);
}

QString EditStore::defaultDirectory() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/edits");
}

EditStore::EditStore(QString directory) : m_directory(std::move(directory)) {}

QString EditStore::pathFor(const QString& key) const {
    const QByteArray hash = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex();
    return QDir(m_directory).filePath(QString::fromLatin1(hash) + kSuffix);
}

QString EditStore::save(const QString& key, const QString& text) {
    if (key.isEmpty())
        return QObject::tr("cannot autosave an edit without a name");
    if (!QDir().mkpath(m_directory))
        return QObject::tr("cannot create the folder for autosaved edits %1").arg(m_directory);
    QJsonObject object;
    object.insert(QStringLiteral("format"), kFormat);
    object.insert(QStringLiteral("key"), key);
    object.insert(QStringLiteral("savedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    object.insert(QStringLiteral("text"), text);
    const QString path = pathFor(key);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QObject::tr("cannot autosave to %1: %2").arg(path, file.errorString());
    const QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Indented);
    if (file.write(bytes) != bytes.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return QObject::tr("cannot autosave to %1: %2").arg(path, why);
    }
    if (!file.commit())
        return QObject::tr("cannot autosave to %1: %2").arg(path, file.errorString());
    return QString();
}

std::optional<StoredEdit> EditStore::loadEntry(const QString& key, QString* error) const {
    if (error)
        error->clear();
    const QString path = pathFor(key);
    if (!QFileInfo::exists(path))
        return std::nullopt;
    std::optional<StoredEdit> edit = readEditFile(path, error);
    if (edit && edit->key != key) {
        // Two keys with one SHA-1: not going to happen, but never hand one key's text to another.
        if (error)
            *error = QObject::tr("the autosaved edit %1 belongs to '%2', not '%3'").arg(path, edit->key, key);
        return std::nullopt;
    }
    return edit;
}

std::optional<QString> EditStore::load(const QString& key, QString* error) const {
    if (std::optional<StoredEdit> edit = loadEntry(key, error))
        return edit->text;
    return std::nullopt;
}

QString EditStore::discard(const QString& key) {
    QFile file(pathFor(key));
    if (!file.exists())
        return QString();
    if (!file.remove())
        return QObject::tr("cannot remove the autosaved edit %1: %2").arg(file.fileName(), file.errorString());
    return QString();
}

bool EditStore::hasEdits(const QString& key) const {
    return QFileInfo::exists(pathFor(key));
}

QList<StoredEdit> EditStore::all(QStringList* errors) const {
    QList<StoredEdit> edits;
    const QDir dir(m_directory);
    for (const QString& name : dir.entryList({QStringLiteral("*") + kSuffix}, QDir::Files, QDir::Name)) {
        QString error;
        if (std::optional<StoredEdit> edit = readEditFile(dir.filePath(name), &error))
            edits.append(*edit);
        else if (errors)
            errors->append(error);
    }
    std::stable_sort(edits.begin(), edits.end(),
                     [](const StoredEdit& a, const StoredEdit& b) { return a.savedAt > b.savedAt; });
    return edits;
}

AutosaveTimer::AutosaveTimer(EditStore* store, int delayMs, QObject* parent)
    : QObject(parent), m_store(store), m_timer(new QTimer(this)) {
    m_timer->setSingleShot(true);
    m_timer->setInterval(delayMs);
    connect(m_timer, &QTimer::timeout, this, &AutosaveTimer::flush);
}

AutosaveTimer::~AutosaveTimer() {
    if (m_pending)
        (void)m_store->save(m_key, m_text);
}

void AutosaveTimer::schedule(const QString& key, const QString& text) {
    if (m_pending && key != m_key)
        flush();
    m_key = key;
    m_text = text;
    m_pending = true;
    m_timer->start();  // restarts: the save waits for a pause in typing
}

void AutosaveTimer::flush() {
    m_timer->stop();
    if (!m_pending)
        return;
    m_pending = false;
    const QString key = m_key;
    const QString error = m_store->save(key, m_text);
    m_text.clear();
    if (error.isEmpty())
        emit saved(key);
    else
        emit saveFailed(key, error);
}

void AutosaveTimer::cancel() {
    m_timer->stop();
    m_pending = false;
    m_text.clear();
}

bool AutosaveTimer::isPending() const {
    return m_pending;
}

int AutosaveTimer::delayMs() const {
    return m_timer->interval();
}

}  // namespace aw::ui
