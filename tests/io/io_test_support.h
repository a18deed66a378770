#pragma once
//! What the io tests share: reading CSV bytes through a buffer, the table of an input-error test
//! and its checks (file, line, column, value, reason), files in a temporary folder, and the exact
//! comparison of two experience datasets and of two partnerships datasets.
//!
//! Included as "io_test_support.h": the io tests have core/ on their include path, not the
//! project root.

#include "engine/error.h"
#include "engine/experience.h"
#include "engine/partnership_data.h"

#include <QBuffer>
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QIODevice>
#include <QString>
#include <QStringList>
#include <QTest>

#include <cstddef>
#include <optional>
#include <utility>

namespace sharecast::testing {

//! Runs read(device) on a read-only buffer holding bytes and returns what it returns.
template <typename Read> auto readBuffer(const QByteArray& bytes, Read&& read)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return std::forward<Read>(read)(static_cast<QIODevice&>(buffer));
}

//! Declares the columns of an input-error table in a *_data() function: the input bytes, then
//! where the error must point (line, column, hasValue, value) and a part of its reason.
inline void addInputErrorColumns()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<long>("line");
    QTest::addColumn<QString>("column");
    QTest::addColumn<bool>("hasValue");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("reason");
}

//! One row of an input-error table (see addInputErrorColumns()).
struct InputErrorRow {
    QByteArray input;
    long line = 0;
    QString column;
    bool hasValue = false;
    QString value;
    QString reason;
};

//! The current row of an input-error table, for `const auto [input, line, ...] = ...`.
inline InputErrorRow fetchInputErrorRow()
{
    QFETCH(QByteArray, input);
    QFETCH(long, line);
    QFETCH(QString, column);
    QFETCH(bool, hasValue);
    QFETCH(QString, value);
    QFETCH(QString, reason);
    return InputErrorRow{input, line, column, hasValue, value, reason};
}

//! Reads the current row's input (see addInputErrorColumns()) with read(bytes) and checks the
//! InputError it must throw: in file fileName, at the row's line, column, hasValue and value, its
//! message containing the row's reason and starting "fileName:line: ". With quotesColumnAndValue,
//! also that the message quotes the column (when there is one) and the value (when there is one).
template <typename Read>
void checkInputError(const QString& fileName, Read&& read, bool quotesColumnAndValue = false)
{
    const auto [input, line, column, hasValue, value, reason] = fetchInputErrorRow();
    try {
        read(input);
        QFAIL("no error");
    } catch (const InputError& e) {
        const QString what = QString::fromStdString(e.what());
        QCOMPARE(QString::fromStdString(e.where().file), fileName);
        QVERIFY2(e.where().line == line, qPrintable(what));
        QCOMPARE(QString::fromStdString(e.where().column), column);
        QCOMPARE(e.where().hasValue, hasValue);
        QCOMPARE(QString::fromStdString(e.where().value), value);
        QVERIFY2(what.contains(reason), qPrintable(what));
        QVERIFY2(what.startsWith(QStringLiteral("%1:%2: ").arg(fileName).arg(line)), qPrintable(what));
        if (!quotesColumnAndValue)
            return;
        if (!column.isEmpty())
            QVERIFY2(what.contains(QStringLiteral("column '%1'").arg(column)), qPrintable(what));
        if (hasValue)
            QVERIFY2(what.contains(QStringLiteral("value '%1'").arg(value)), qPrintable(what));
    }
}

//! Writes bytes to path; returns path, or "" when it could not be written whole.
inline QString writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return {};
    return path;
}

//! The bytes of the file at path, or none when there is no such file (or path is "").
inline QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return !path.isEmpty() && f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

//! The names in a folder, hidden ones included, sorted by name.
inline QStringList folderEntries(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

//! A double with 17 significant digits: enough to tell any two apart.
inline QString exactText(double v)
{
    return QString::number(v, 'g', 17);
}

//! The first difference between two experience datasets (every field, doubles compared exactly
//! with ==), or "". The cells' source lines are compared when compareLines.
inline QString experienceDiff(const ExperienceData& got, const ExperienceData& want, bool compareLines = true)
{
    if (got.cosNames != want.cosNames)
        return QStringLiteral("cosNames differ");
    if (got.utilNames != want.utilNames)
        return QStringLiteral("utilNames differ");
    if (got.planNames != want.planNames)
        return QStringLiteral("planNames differ");
    if (got.cells.size() != want.cells.size())
        return QStringLiteral("%1 cells, expected %2").arg(got.cells.size()).arg(want.cells.size());
    for (std::size_t i = 0; i < got.cells.size(); ++i) {
        const ExperienceCell& a = got.cells[i];
        const ExperienceCell& b = want.cells[i];
        const QString at = QStringLiteral("cell %1: ").arg(i);
        if (a.planId != b.planId || a.region != b.region || a.rateCell != b.rateCell || a.year != b.year)
            return at + QStringLiteral("key differs");
        const std::pair<const char*, std::pair<double, double>> figures[] = {
            {"member_months", {a.memberMonths, b.memberMonths}},
            {"risk_score", {a.riskScore, b.riskScore}},
            {"excess", {a.excessOverThreshold, b.excessOverThreshold}},
            {"capitation_revenue", {a.capitationRevenue, b.capitationRevenue}},
            {"admin_cost", {a.adminCost, b.adminCost}},
            {"claims_denied", {a.claimsDenied, b.claimsDenied}},
            {"claims_total", {a.claimsTotal, b.claimsTotal}},
            {"grievances", {a.grievances, b.grievances}}};
        for (const auto& [name, v] : figures)
            if (v.first != v.second)
                return at + QStringLiteral("%1 = %2, expected %3")
                                .arg(QString::fromLatin1(name), exactText(v.first), exactText(v.second));
        if (a.cost.size() != b.cost.size() || a.util.size() != b.util.size())
            return at + QStringLiteral("cost/util sizes differ");
        for (std::size_t k = 0; k < a.cost.size(); ++k)
            if (a.cost[k] != b.cost[k])
                return at + QStringLiteral("cost %1 = %2, expected %3")
                                .arg(k)
                                .arg(exactText(a.cost[k]), exactText(b.cost[k]));
        for (std::size_t k = 0; k < a.util.size(); ++k)
            if (a.util[k] != b.util[k])
                return at + QStringLiteral("util %1 = %2, expected %3")
                                .arg(k)
                                .arg(exactText(a.util[k]), exactText(b.util[k]));
        if (compareLines && a.sourceLine != b.sourceLine)
            return at + QStringLiteral("source line %1, expected %2").arg(a.sourceLine).arg(b.sourceLine);
    }
    return {};
}

//! The first difference between two partnerships datasets (every field of every record, in order;
//! doubles compared exactly with ==, an absent optional only equal to an absent one), or "". The
//! records' source lines are compared when compareLines.
inline QString partnershipsDiff(const PartnershipData& got, const PartnershipData& want,
                                bool compareLines = true)
{
    if (got.records.size() != want.records.size())
        return QStringLiteral("%1 records, expected %2").arg(got.records.size()).arg(want.records.size());
    const auto optionalText = [](const std::optional<double>& v) {
        return v ? exactText(*v) : QStringLiteral("(none)");
    };
    for (std::size_t i = 0; i < got.records.size(); ++i) {
        const PartnershipRecord& a = got.records[i];
        const PartnershipRecord& b = want.records[i];
        const QString at = QStringLiteral("record %1: ").arg(i);
        const std::pair<const char*, std::pair<std::string, std::string>> texts[] = {
            {"plan_id", {a.planId, b.planId}},
            {"partner_id", {a.partnerId, b.partnerId}},
            {"partner_name", {a.partnerName, b.partnerName}},
            {"service", {a.service, b.service}},
            {"outcome_measure", {a.outcomeMeasure, b.outcomeMeasure}}};
        for (const auto& [name, v] : texts)
            if (v.first != v.second)
                return at + QStringLiteral("%1 = '%2', expected '%3'")
                                .arg(QString::fromLatin1(name), QString::fromStdString(v.first),
                                     QString::fromStdString(v.second));
        if (a.year != b.year)
            return at + QStringLiteral("year %1, expected %2").arg(a.year).arg(b.year);
        const std::pair<const char*, std::pair<double, double>> figures[] = {
            {"members_engaged", {a.membersEngaged, b.membersEngaged}},
            {"member_months", {a.memberMonths, b.memberMonths}},
            {"pmpm", {a.pmpm, b.pmpm}},
            {"outreach_attempts", {a.outreachAttempts, b.outreachAttempts}},
            {"outreach_fee", {a.outreachFee, b.outreachFee}},
            {"outcome_bonus", {a.outcomeBonus, b.outcomeBonus}},
            {"savings_pass_through", {a.savingsPassThrough, b.savingsPassThrough}},
            {"operating_cost", {a.operatingCost, b.operatingCost}},
            {"grant_ipp", {a.grantIpp, b.grantIpp}},
            {"grant_path", {a.grantPath, b.grantPath}},
            {"grant_other", {a.grantOther, b.grantOther}},
            {"utilization_avoided", {a.utilizationAvoided, b.utilizationAvoided}}};
        for (const auto& [name, v] : figures)
            if (v.first != v.second)
                return at + QStringLiteral("%1 = %2, expected %3")
                                .arg(QString::fromLatin1(name), exactText(v.first), exactText(v.second));
        const std::pair<const char*, std::pair<std::optional<double>, std::optional<double>>> optionals[] = {
            {"outreach_cap", {a.outreachCap, b.outreachCap}},
            {"outcome_baseline", {a.outcomeBaseline, b.outcomeBaseline}},
            {"outcome_target", {a.outcomeTarget, b.outcomeTarget}},
            {"outcome_actual", {a.outcomeActual, b.outcomeActual}}};
        for (const auto& [name, v] : optionals)
            if (v.first.has_value() != v.second.has_value() || (v.first && *v.first != *v.second))
                return at +
                       QStringLiteral("%1 = %2, expected %3")
                           .arg(QString::fromLatin1(name), optionalText(v.first), optionalText(v.second));
        if (compareLines && a.sourceLine != b.sourceLine)
            return at + QStringLiteral("source line %1, expected %2").arg(a.sourceLine).arg(b.sourceLine);
    }
    return {};
}

} // namespace sharecast::testing
