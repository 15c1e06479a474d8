#include "cli/CliCommandRegistry.h"

#include "cli/DetectionsCommand.h"
#include "cli/ProfilesAddCommand.h"
#include "cli/ProfilesListCommand.h"
#include "cli/ProfilesRemoveCommand.h"
#include "cli/ProfilesTestCommand.h"
#include "cli/RiskResumeCommand.h"
#include "cli/RiskSendCommand.h"
#include "cli/RiskValidateCommand.h"
#include "cli/ThreatInsightGetCommand.h"
#include "cli/ThreatInsightSetCommand.h"
#include "cli/ZonesBlockCommand.h"
#include "cli/ZonesExemptCommand.h"
#include "cli/ZonesListCommand.h"
#include "cli/ZonesUnblockCommand.h"
#include "cli/ZonesUnexemptCommand.h"

namespace {
template <typename Command> CliCommandRegistry::Entry entryFor() {
    // Summary is marked with QT_TRANSLATE_NOOP in the command's class context.
    return {QString::fromLatin1(Command::Name), QString::fromLatin1(Command::Synopsis),
            QCoreApplication::translate(Command::staticMetaObject.className(), Command::Summary),
            [](QObject* parent) {
                return new Command(parent);
            }};
}

QStringList words(const QString& name) {
    return name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

QString quotedList(const QStringList& items) {
    QStringList quoted;
    for (const QString& item : items)
        quoted.append(QLatin1Char('\'') + item + QLatin1Char('\''));
    return quoted.join(QStringLiteral(", "));
}
} // namespace

const QList<CliCommandRegistry::Entry>& CliCommandRegistry::entries() {
    static const QList<Entry> all{
        entryFor<ThreatInsightGetCommand>(), entryFor<ThreatInsightSetCommand>(),
        entryFor<ZonesListCommand>(),        entryFor<ZonesBlockCommand>(),
        entryFor<ZonesUnblockCommand>(),     entryFor<ZonesExemptCommand>(),
        entryFor<ZonesUnexemptCommand>(),    entryFor<RiskValidateCommand>(),
        entryFor<RiskSendCommand>(),         entryFor<RiskResumeCommand>(),
        entryFor<ProfilesListCommand>(),     entryFor<ProfilesAddCommand>(),
        entryFor<ProfilesRemoveCommand>(),   entryFor<ProfilesTestCommand>(),
        entryFor<DetectionsCommand>(),
    };
    return all;
}

const CliCommandRegistry::Entry* CliCommandRegistry::find(const QStringList& arguments, int* consumed,
                                                          QString* error) {
    // Walk the words one level at a time so that the message names the level that went wrong.
    QStringList prefix;
    for (int depth = 0;; ++depth) {
        QStringList next; // the possible words at this level, in registration order
        for (const Entry& entry : entries()) {
            const QStringList entryWords = words(entry.name);
            if (entryWords.mid(0, depth) == prefix && entryWords.size() > depth &&
                !next.contains(entryWords.at(depth)))
                next.append(entryWords.at(depth));
        }
        const QString given = depth < arguments.size() ? arguments.at(depth) : QString();
        const QString context = prefix.join(QLatin1Char(' '));
        if (given.isEmpty() || given.startsWith(QLatin1Char('-'))) {
            *error = prefix.isEmpty() ? tr("no command given; commands: %1.").arg(quotedList(next))
                                      : tr("'%1' needs a sub-command: %2.").arg(context, quotedList(next));
            return nullptr;
        }
        if (!next.contains(given)) {
            *error =
                prefix.isEmpty()
                    ? tr("unknown command '%1'; commands: %2.").arg(given, quotedList(next))
                    : tr("unknown '%1' sub-command '%2'; expected %3.").arg(context, given, quotedList(next));
            return nullptr;
        }
        prefix.append(given);
        for (const Entry& entry : entries()) {
            if (words(entry.name) == prefix) {
                *consumed = depth + 1;
                return &entry;
            }
        }
    }
}
