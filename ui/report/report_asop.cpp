#include "ui/report/report_asop.h"

#include <utility>

namespace sharecast::ui::report {

QStringList materialAssumptionGroups(const Scenario& s, bool partnerships)
{
    // In the order of the scenario's JSON form (methodology §1.5).
    QStringList g{QStringLiteral("baseline"), QStringLiteral("trend")};
    if (!s.programChanges.empty())
        g << QStringLiteral("program_changes");
    if (!s.newBenefits.empty())
        g << QStringLiteral("new_benefits");
    if (s.riskAdjustment.enabled)
        g << QStringLiteral("risk_adjustment");
    if (s.truncation.enabled)
        g << QStringLiteral("truncation");
    g << QStringLiteral("msr");
    if (s.losses.enabled)
        g << QStringLiteral("mlr");
    if (!s.quality.measures.empty())
        g << QStringLiteral("quality");
    if (s.savingsBasis == SavingsBasis::ResourceUse)
        g << QStringLiteral("resource_use");
    g << QStringLiteral("sharing");
    if (s.losses.enabled)
        g << QStringLiteral("losses");
    g << QStringLiteral("fmap") << QStringLiteral("projection");
    if (!s.corridors.empty())
        g << QStringLiteral("corridors");
    if (s.blend)
        g << QStringLiteral("blend");
    g << QStringLiteral("uncertainty");
    if (s.regionalRates)
        g << QStringLiteral("regional_rates");
    if (partnerships)
        g << QStringLiteral("partnerships");
    return g;
}

QStringList assumptionGroupsWithoutSource(const Scenario& s, bool partnerships)
{
    QStringList missing;
    for (const QString& group : materialAssumptionGroups(s, partnerships)) {
        const auto it = s.assumptionSources.find(group.toStdString());
        if (it == s.assumptionSources.end() || (it->second.source.empty() && it->second.owner.empty()))
            missing << group;
    }
    return missing;
}

QString statusText(AsopStatus s)
{
    switch (s) {
    case AsopStatus::Filled: return QStringLiteral("filled");
    case AsopStatus::Standard: return QStringLiteral("standard wording");
    case AsopStatus::Unfilled: break;
    }
    return QStringLiteral("UNFILLED");
}

namespace {

//! An item whose text comes from a project setting, with Sharecast's standard words when unset
//! (`fallback`, Standard) or nothing (Unfilled, with `missing` saying what to supply).
AsopItem fromSetting(QString item, QString standard, const QString& value, const QString& fallback,
                     const QString& missing)
{
    if (!value.trimmed().isEmpty())
        return {std::move(item), std::move(standard), AsopStatus::Filled, value.trimmed()};
    if (!fallback.isEmpty())
        return {std::move(item), std::move(standard), AsopStatus::Standard, fallback};
    return {std::move(item), std::move(standard), AsopStatus::Unfilled, missing};
}

} // namespace

QList<AsopItem> asopChecklist(const AsopInputs& in)
{
    const io::ReportSettings& st = in.settings;
    QList<AsopItem> items;

    // The responsible actuary: a name and a qualification statement, or blank lines to sign.
    {
        AsopItem a{QStringLiteral("Responsible actuary"), QStringLiteral("ASOP 41 §3.1.4, §4.1.1"),
                   AsopStatus::Unfilled, QString()};
        if (!st.actuaryName.trimmed().isEmpty()) {
            a.status = AsopStatus::Filled;
            QStringList parts{st.actuaryName.trimmed()};
            if (!st.actuaryCredentials.trimmed().isEmpty())
                parts << st.actuaryCredentials.trimmed();
            if (!st.actuaryOrganization.trimmed().isEmpty())
                parts << st.actuaryOrganization.trimmed();
            a.detail = parts.join(QStringLiteral(", "));
        } else {
            a.detail = QStringLiteral("not named in the project settings: the signature lines are blank");
        }
        items << a;
    }
    items << fromSetting(QStringLiteral("Qualification statement"), QStringLiteral("ASOP 41 §4.1.1"),
                         st.qualificationStatement, QString(),
                         QStringLiteral("no statement that the actuary meets the qualification standards"));
    items << fromSetting(
        QStringLiteral("Intended users"), QStringLiteral("ASOP 41 §2.7, §3.2; ASOP 56 §3.1"),
        st.intendedUsers,
        QStringLiteral("the actuaries and policy staff of the state Medicaid agency and of its contracted "
                       "managed care plans, and the stakeholders they brief"),
        QString());
    items << fromSetting(
        QStringLiteral("Purpose"), QStringLiteral("ASOP 41 §3.2; ASOP 56 §3.1"), st.purpose,
        QStringLiteral("to understand the settlement of a shared-savings arrangement under the stated "
                       "assumptions; not a rate certification"),
        QString());

    // Information date and data sources with their digests.
    {
        AsopItem d{QStringLiteral("Information date and data sources"),
                   QStringLiteral("ASOP 41 §3.4.5; ASOP 56 §3.3"), AsopStatus::Unfilled, QString()};
        QStringList parts;
        for (const AsopDataset& x : in.datasets)
            parts << QStringLiteral("%1 %2 (SHA-256 %3…, imported %4)")
                         .arg(x.kind, x.file, x.sha256.left(12),
                              x.imported.toUTC().toString(QStringLiteral("yyyy-MM-dd")));
        if (!parts.isEmpty() && in.informationDate.isValid()) {
            d.status = AsopStatus::Filled;
            d.detail = QStringLiteral("information date %1; ").arg(in.informationDate.toString(Qt::ISODate)) +
                       parts.join(QStringLiteral("; "));
        } else {
            d.detail = QStringLiteral("no dataset in use");
        }
        items << d;
    }
    items << fromSetting(QStringLiteral("Reliance on others"),
                         QStringLiteral("ASOP 41 §3.4.3, §4.3; ASOP 56 §3.3"), st.reliance,
                         QStringLiteral("the experience and quality data as provided, checked for "
                                        "completeness and consistency on import but not audited"),
                         QString());

    // Who set each assumption.
    {
        AsopItem a{QStringLiteral("Responsibility for assumptions"), QStringLiteral("ASOP 41 §3.4.4, §4.3"),
                   AsopStatus::Unfilled, QString()};
        const QStringList groups = materialAssumptionGroups(*in.scenario, in.partnerships);
        const QStringList missing = assumptionGroupsWithoutSource(*in.scenario, in.partnerships);
        if (missing.isEmpty()) {
            a.status = AsopStatus::Filled;
            a.detail =
                QStringLiteral("a source and owner for each of the %1 assumption groups that shape the "
                               "result, shown with the assumptions")
                    .arg(groups.size());
        } else {
            a.detail = QStringLiteral("no source or owner recorded for %1 of %2 groups: %3")
                           .arg(missing.size())
                           .arg(groups.size())
                           .arg(missing.join(QStringLiteral(", ")));
        }
        items << a;
    }
    items << AsopItem{
        QStringLiteral("Model structure and methods"), QStringLiteral("ASOP 56 §3.1, §3.2, §3.7"),
        AsopStatus::Filled,
        QStringLiteral("the methodology summary, with the calculation specification's sections")};
    items << AsopItem{QStringLiteral("Limitations and known weaknesses"),
                      QStringLiteral("ASOP 56 §3.2, §4.1"), AsopStatus::Filled,
                      QStringLiteral("listed under Limitations in the disclosures")};
    items << AsopItem{
        QStringLiteral("Uncertainty or risk"), QStringLiteral("ASOP 41 §3.4.1; ASOP 56 §3.6"),
        in.hasChance ? AsopStatus::Filled : AsopStatus::Unfilled,
        in.hasChance
            ? QStringLiteral("how much of the result is chance: closed forms and a Monte Carlo "
                             "simulation of the settlement")
            : QStringLiteral("the section on how much of the result is chance is not in this report")};
    {
        AsopItem s{QStringLiteral("Sensitivity testing"), QStringLiteral("ASOP 56 §3.6"),
                   AsopStatus::Unfilled, QString()};
        QStringList done{QStringLiteral("rebasing against not rebasing over the projection")};
        if (in.hasChance)
            done << QStringLiteral("random variation of cost (Monte Carlo)");
        if (in.hasDrivers) {
            done << QStringLiteral("each assumption moved over its range (tornado)");
            s.status = AsopStatus::Filled;
            s.detail = done.join(QStringLiteral("; "));
        } else {
            s.detail =
                done.join(QStringLiteral("; ")) +
                QStringLiteral(
                    "; no tornado of the assumptions in this report (add the section on what drives the "
                    "result)");
        }
        items << s;
    }
    {
        AsopItem m{QStringLiteral("Material changes since the previous report"),
                   QStringLiteral("ASOP 41 §3.5; ASOP 56 §4.1"), AsopStatus::Filled, QString()};
        if (in.earlier)
            m.detail =
                QStringLiteral("against %1: %2 assumption%3 changed, with the change in the headline figures")
                    .arg(*in.earlier)
                    .arg(in.earlierDifferences)
                    .arg(in.earlierDifferences == 1 ? QString() : QStringLiteral("s"));
        else if (!in.earlierExists)
            m.detail = QStringLiteral(
                "the project keeps no earlier version of this scenario: this is its first report");
        else {
            m.status = AsopStatus::Unfilled;
            m.detail =
                QStringLiteral("the project keeps earlier versions, but none was chosen to compare with");
        }
        items << m;
    }
    items << fromSetting(QStringLiteral("Conflicts of interest"), QStringLiteral("ASOP 41 §3.4.2"),
                         st.conflicts, QString(), QStringLiteral("no statement on conflicts of interest"));
    items << AsopItem{
        QStringLiteral("Model and data versions"), QStringLiteral("ASOP 56 §3.7"), AsopStatus::Filled,
        QStringLiteral("Sharecast %1, calculation specification v2; scenario %2; data by SHA-256 "
                       "above")
            .arg(in.softwareVersion, in.scenarioVersion)};
    return items;
}

QStringList unfilledItems(const QList<AsopItem>& items)
{
    QStringList out;
    for (const AsopItem& i : items)
        if (i.status == AsopStatus::Unfilled)
            out << i.item;
    return out;
}

} // namespace sharecast::ui::report
