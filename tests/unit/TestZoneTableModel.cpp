// ZoneTableModel over a ThreatInsightEditor loaded from the in-process sandbox org: columns, the
// disabled non-IP rows and their reason, the DefaultExemptIpZone note, check edits going to the
// editor (and back), unknown zone rows, filtering. Every test runs QAbstractItemModelTester.
#include "SandboxServer.h"

#include "ZoneTableModel.h"
#include "api/OktaClient.h"
#include "api/SswsAuthProvider.h"
#include "threatinsight/ThreatInsightEditor.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
const QString CorporateHq = QStringLiteral("nzoC0rpHq2M4nV8tB0g3");
const QString DefaultExempt = QStringLiteral("nzoXmpt5Hd1QeW7rY1d6");
const QString TorZone = QStringLiteral("nzoT0rAnn9Wc2Ye5j0g4");
const QString EnhancedDynamic = QStringLiteral("nzoEdnz7Qs3Uv1Kb80g4");
const QString GoneZone = QStringLiteral("nzoG0neZ0ne000000000");
constexpr int SeededZones = 9;
constexpr int WaitMs = 5000;
} // namespace

class TestZoneTableModel : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void emptyWithoutEditor();
    void oneRowPerZoneWithItsColumns();
    void nonIpZonesAreDisabledWithTheReason();
    void defaultExemptZoneCarriesTheNote();
    void checkingGoesToTheEditorAndBack();
    void unknownZoneIdsGetARowThatCanBeUnchecked();
    void excludedNonIpZoneCanStillBeUnchecked();
    void filterOverNameTypeUsageGateways();
    void editorGoneEmptiesTheModel();

private:
    bool startServer(const SandboxOptions& options = {});
    bool loadEditor();
    QModelIndex cell(const QString& zoneId, int column) const;

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<OktaClient> m_client;
    std::unique_ptr<ThreatInsightEditor> m_editor;
    std::unique_ptr<ZoneTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

bool TestZoneTableModel::startServer(const SandboxOptions& options) {
    m_tester.reset();
    m_model.reset();
    m_editor.reset();
    m_client.reset();
    m_server = std::make_unique<SandboxServer>(options);
    QString error;
    if (!m_server->start(&error)) {
        qWarning("sandbox did not start: %s", qPrintable(error));
        return false;
    }
    m_client = std::make_unique<OktaClient>(m_nam.get());
    if (!m_client->setBaseUrl(m_server->baseUrl().toString(), &error))
        return false;
    m_client->setTransferTimeoutMs(WaitMs);
    m_client->setAuthProvider(std::make_shared<SswsAuthProvider>(m_server->token()));
    m_editor = std::make_unique<ThreatInsightEditor>(m_client.get());
    m_model = std::make_unique<ZoneTableModel>(m_editor.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    return true;
}

bool TestZoneTableModel::loadEditor() {
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_editor->load();
    QSignalSpy state(m_editor.get(), &ThreatInsightEditor::stateChanged);
    return state.wait(WaitMs) && m_editor->state() == ThreatInsightEditor::State::Ready && reset.count() == 1;
}

QModelIndex TestZoneTableModel::cell(const QString& zoneId, int column) const {
    return m_model->index(m_model->rowOf(zoneId), column);
}

void TestZoneTableModel::init() {
    QVERIFY(m_dir.isValid());
    m_nam = std::make_unique<QNetworkAccessManager>();
    QVERIFY(startServer());
}

void TestZoneTableModel::cleanup() {
    m_tester.reset();
    m_model.reset();
    m_editor.reset();
    m_client.reset();
    m_server.reset();
    m_nam.reset();
}

void TestZoneTableModel::emptyWithoutEditor() {
    ZoneTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(ZoneTableModel::ColumnCount));
    QCOMPARE(model.rowOf(CorporateHq), -1);
    QVERIFY(model.zoneIdAt(0).isEmpty());
    // Before the editor loaded, the model is empty too.
    QCOMPARE(m_model->rowCount(), 0);
}

void TestZoneTableModel::oneRowPerZoneWithItsColumns() {
    QVERIFY(loadEditor());
    QCOMPARE(m_model->rowCount(), SeededZones);
    QCOMPARE(m_model->columnCount(), 6);
    const QStringList headers{QStringLiteral("Exclude"), QStringLiteral("Name"),
                              QStringLiteral("Type"),    QStringLiteral("Usage"),
                              QStringLiteral("Status"),  QStringLiteral("Gateways")};
    for (int c = 0; c < headers.size(); ++c)
        QCOMPARE(m_model->headerData(c, Qt::Horizontal).toString(), headers.at(c));

    QCOMPARE(cell(CorporateHq, ZoneTableModel::NameColumn).data().toString(), QStringLiteral("Corporate HQ"));
    QCOMPARE(cell(CorporateHq, ZoneTableModel::TypeColumn).data().toString(), QStringLiteral("IP"));
    QCOMPARE(cell(CorporateHq, ZoneTableModel::UsageColumn).data().toString(), QStringLiteral("POLICY"));
    QCOMPARE(cell(CorporateHq, ZoneTableModel::StatusColumn).data().toString(), QStringLiteral("ACTIVE"));
    const NetworkZone* hq = m_editor->zones().findById(CorporateHq);
    QVERIFY(hq);
    QCOMPARE(cell(CorporateHq, ZoneTableModel::GatewaysColumn).data().toString(), hq->gatewaySummary());
    QCOMPARE(cell(CorporateHq, ZoneTableModel::GatewaysColumn).data().toString(),
             QStringLiteral("198.51.100.64/26, 198.51.100.200-198.51.100.220, 2001:db8:100::/48"));
    QCOMPARE(
        cell(CorporateHq, ZoneTableModel::ExcludeColumn).data(Qt::CheckStateRole).value<Qt::CheckState>(),
        Qt::Unchecked);
    QCOMPARE(cell(CorporateHq, ZoneTableModel::NameColumn).data(ZoneTableModel::ZoneIdRole).toString(),
             CorporateHq);
    const Qt::ItemFlags flags = m_model->flags(cell(CorporateHq, ZoneTableModel::ExcludeColumn));
    QVERIFY(flags.testFlag(Qt::ItemIsEnabled));
    QVERIFY(flags.testFlag(Qt::ItemIsUserCheckable));
    QVERIFY(!m_model->flags(cell(CorporateHq, ZoneTableModel::NameColumn)).testFlag(Qt::ItemIsUserCheckable));
    QVERIFY(!cell(CorporateHq, ZoneTableModel::NameColumn).data(Qt::CheckStateRole).isValid());
    QCOMPARE(cell(CorporateHq, ZoneTableModel::ExcludeColumn).data(Qt::AccessibleTextRole).toString(),
             QStringLiteral("Exclude Corporate HQ"));
}

void TestZoneTableModel::nonIpZonesAreDisabledWithTheReason() {
    QVERIFY(loadEditor());
    const QList<QPair<QString, QString>> nonIp{{TorZone, QStringLiteral("DYNAMIC")},
                                               {EnhancedDynamic, QStringLiteral("DYNAMIC_V2")}};
    for (const auto& [id, type] : nonIp) {
        for (int c = 0; c < ZoneTableModel::ColumnCount; ++c) {
            const Qt::ItemFlags flags = m_model->flags(cell(id, c));
            QVERIFY(!flags.testFlag(Qt::ItemIsEnabled));
            QVERIFY(!flags.testFlag(Qt::ItemIsUserCheckable));
        }
        const QString tip = cell(id, ZoneTableModel::ExcludeColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(
                     QStringLiteral("Only IP zones can be excluded from ThreatInsight (this is a %1 zone)")
                         .arg(type)),
                 qPrintable(tip));
        QCOMPARE(cell(id, ZoneTableModel::TypeColumn).data().toString(), type);
        // A disabled row refuses a check.
        QVERIFY(!m_model->setData(cell(id, ZoneTableModel::ExcludeColumn), Qt::Checked, Qt::CheckStateRole));
        QVERIFY(!m_editor->isZoneExcluded(id));
    }
}

void TestZoneTableModel::defaultExemptZoneCarriesTheNote() {
    QVERIFY(loadEditor());
    const QModelIndex exclude = cell(DefaultExempt, ZoneTableModel::ExcludeColumn);
    QVERIFY(m_model->flags(exclude).testFlag(Qt::ItemIsUserCheckable));
    const QString tip = exclude.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("always exempt")), qPrintable(tip));
    QVERIFY(!cell(CorporateHq, ZoneTableModel::ExcludeColumn)
                 .data(Qt::ToolTipRole)
                 .toString()
                 .contains(QStringLiteral("always exempt")));
}

void TestZoneTableModel::checkingGoesToTheEditorAndBack() {
    QVERIFY(loadEditor());
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    const QModelIndex exclude = cell(CorporateHq, ZoneTableModel::ExcludeColumn);
    QVERIFY(m_model->setData(exclude, Qt::Checked, Qt::CheckStateRole));
    QVERIFY(m_editor->isZoneExcluded(CorporateHq));
    QVERIFY(m_editor->isDirty());
    QVERIFY(changed.count() >= 1);
    QCOMPARE(exclude.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    QCOMPARE(exclude.data(ZoneTableModel::SortRole).toInt(), 1);
    QVERIFY(!m_model->setData(exclude, Qt::Unchecked, Qt::EditRole)); // only the check state is editable

    // The editor's own changes (revert) reach the view.
    changed.clear();
    m_editor->revert();
    QVERIFY(changed.count() >= 1);
    QCOMPARE(exclude.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    m_editor->setZoneExcluded(CorporateHq, true);
    QCOMPARE(exclude.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    QVERIFY(m_model->setData(exclude, Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(!m_editor->isZoneExcluded(CorporateHq));
    QCOMPARE(m_model->rowCount(), SeededZones);
}

void TestZoneTableModel::unknownZoneIdsGetARowThatCanBeUnchecked() {
    const QString stateFile = m_dir.filePath(QStringLiteral("state.json"));
    QFile file(stateFile);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(
        QJsonDocument(QJsonObject{{QStringLiteral("threatInsight"),
                                   QJsonObject{{QStringLiteral("action"), QStringLiteral("block")},
                                               {QStringLiteral("excludeZones"), QJsonArray{GoneZone}}}}})
            .toJson());
    file.close();
    SandboxOptions options;
    options.stateFile = stateFile;
    QVERIFY(startServer(options));
    QVERIFY(loadEditor());

    QCOMPARE(m_model->rowCount(), SeededZones + 1);
    const int row = m_model->rowOf(GoneZone);
    QCOMPARE(row, SeededZones); // after the listed zones
    const QModelIndex exclude = m_model->index(row, ZoneTableModel::ExcludeColumn);
    QCOMPARE(m_model->index(row, ZoneTableModel::NameColumn).data().toString(),
             QStringLiteral("unknown zone %1").arg(GoneZone));
    QVERIFY(exclude.data(ZoneTableModel::UnknownZoneRole).toBool());
    QCOMPARE(exclude.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    QVERIFY(exclude.data(Qt::ToolTipRole).toString().contains(QStringLiteral("not in the org's zone list")));
    QVERIFY(m_model->flags(exclude).testFlag(Qt::ItemIsUserCheckable));

    QVERIFY(m_model->setData(exclude, Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(!m_editor->isZoneExcluded(GoneZone));
    QCOMPARE(m_model->rowCount(), SeededZones + 1); // the row stays, it can be checked again
    QVERIFY(m_model->setData(exclude, Qt::Checked, Qt::CheckStateRole));
    QVERIFY(m_editor->isZoneExcluded(GoneZone));
}

void TestZoneTableModel::excludedNonIpZoneCanStillBeUnchecked() {
    // An org that accepts non-IP zones already excludes one: the admin can remove it.
    SandboxOptions options;
    options.acceptNonIpExcludedZones = true;
    QVERIFY(startServer(options));
    QVERIFY(loadEditor());
    m_editor->setZoneExcluded(TorZone, true);
    QSignalSpy saved(m_editor.get(), &ThreatInsightEditor::saved);
    m_editor->save();
    QVERIFY(saved.wait(WaitMs));
    const QModelIndex exclude = cell(TorZone, ZoneTableModel::ExcludeColumn);
    QVERIFY(m_model->flags(exclude).testFlag(Qt::ItemIsUserCheckable));
    QVERIFY(m_model->setData(exclude, Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(!m_editor->isZoneExcluded(TorZone));
    // Still enabled while the loaded configuration lists it (re-checking stays possible).
    QVERIFY(m_model->flags(exclude).testFlag(Qt::ItemIsEnabled));
}

void TestZoneTableModel::filterOverNameTypeUsageGateways() {
    QVERIFY(loadEditor());
    QSortFilterProxyModel proxy;
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(m_model.get());
    proxy.setFilterRole(ZoneTableModel::SearchTextRole);
    proxy.setFilterKeyColumn(ZoneTableModel::ExcludeColumn);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);

    auto names = [&proxy] {
        QStringList out;
        for (int r = 0; r < proxy.rowCount(); ++r)
            out << proxy.index(r, ZoneTableModel::NameColumn).data().toString();
        return out;
    };
    proxy.setFilterFixedString(QStringLiteral("198.51.100.210")); // not a gateway string: nothing
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setFilterFixedString(QStringLiteral("2001:db8:100::/48")); // third gateway, not in the summary
    QCOMPARE(names(), QStringList{QStringLiteral("Corporate HQ")});
    proxy.setFilterFixedString(QStringLiteral("vpn"));
    QCOMPARE(names(), QStringList{QStringLiteral("VPN Egress")});
    proxy.setFilterFixedString(QStringLiteral("dynamic"));
    QCOMPARE(names(), (QStringList{QStringLiteral("Tor and anonymizers"),
                                   QStringLiteral("DefaultEnhancedDynamicZone")}));
    proxy.setFilterFixedString(QStringLiteral("blocklist"));
    QCOMPARE(proxy.rowCount(), 4);
    proxy.setFilterFixedString(QStringLiteral("inactive"));
    QCOMPARE(names(), QStringList{QStringLiteral("Partner SOC")});
    proxy.setFilterFixedString(QString());
    QCOMPARE(proxy.rowCount(), SeededZones);

    // Sorting the Exclude column puts the checked zones first (descending).
    m_editor->setZoneExcluded(CorporateHq, true);
    proxy.setSortRole(ZoneTableModel::SortRole);
    proxy.sort(ZoneTableModel::ExcludeColumn, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, ZoneTableModel::NameColumn).data().toString(), QStringLiteral("Corporate HQ"));
}

void TestZoneTableModel::editorGoneEmptiesTheModel() {
    QVERIFY(loadEditor());
    QCOMPARE(m_model->rowCount(), SeededZones);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setEditor(nullptr);
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(reset.count(), 1);
    m_model->setEditor(m_editor.get());
    QCOMPARE(m_model->rowCount(), SeededZones);
    m_editor.reset(); // deleted without detaching first (the org closed)
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(!m_model->editor());
}

QTEST_GUILESS_MAIN(TestZoneTableModel)
#include "TestZoneTableModel.moc"
