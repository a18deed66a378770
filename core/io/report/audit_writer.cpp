#include "audit_writer.h"

#include "audit_sheet.h"

namespace sharecast::io::audit {

using namespace audit_columns;

namespace {

const char* unitName(Unit u)
{
    switch (u) {
    case Unit::Money: return "money";
    case Unit::Pmpm: return "PMPM";
    case Unit::Rate: return "rate";
    case Unit::Factor: return "factor";
    case Unit::Score: return "score";
    case Unit::Members: return "members";
    case Unit::Count: return "count";
    case Unit::Flag: return "flag";
    case Unit::Year: return "year";
    }
    return "";
}

XlsxStyle valueStyle(Unit u)
{
    switch (u) {
    case Unit::Money:
    case Unit::Pmpm: return XlsxStyle::Money;
    case Unit::Rate: return XlsxStyle::Percent;
    case Unit::Members: return XlsxStyle::Members;
    case Unit::Factor:
    case Unit::Score: return XlsxStyle::Rate;
    default: return XlsxStyle::Plain;
    }
}

XlsxStyle inputStyle(Unit u)
{
    switch (u) {
    case Unit::Money:
    case Unit::Pmpm: return XlsxStyle::InputMoney;
    case Unit::Rate: return XlsxStyle::InputPercent;
    default: return XlsxStyle::InputNumber;
    }
}

} // namespace

void AuditWriter::heading(const QString& text)
{
    ++row_;
    sheet_.text(row_, kSection, text, XlsxStyle::Title);
    ++row_;
}

std::string AuditWriter::input(const char* section, const QString& label, Unit unit,
                               std::optional<double> value, const QString& note)
{
    start(section, label, unit, note);
    if (value)
        sheet_.number(row_, kValue, *value, inputStyle(unit));
    else
        sheet_.blank(row_, kValue, inputStyle(unit));
    return finish();
}

std::string AuditWriter::inputText(const char* section, const QString& label, const QString& value,
                                   const QString& note)
{
    start(section, label, Unit::Count, note);
    sheet_.text(row_, kValue, value, XlsxStyle::InputNumber);
    sheet_.text(row_, kUnit, QStringLiteral("text"), XlsxStyle::Text);
    return finish();
}

std::string AuditWriter::calc(const char* section, const QString& label, Unit unit,
                              const std::string& formula, std::optional<double> engine, const QString& note)
{
    start(section, label, unit, note);
    sheet_.formula(row_, kValue, "=" + formula, engine.value_or(0.0), valueStyle(unit));
    if (engine) {
        sheet_.number(row_, kEngine, *engine, valueStyle(unit));
        const std::string r = std::to_string(row_ + 1);
        sheet_.formula(row_, kDifference, "=D" + r + "-E" + r, 0.0, valueStyle(unit));
    } else {
        sheet_.text(row_, kEngine, QStringLiteral("n/a"), XlsxStyle::Note);
    }
    return finish();
}

std::string AuditWriter::calcOrNa(const char* section, const QString& label, Unit unit,
                                  const std::string& formula, std::optional<double> engine,
                                  const QString& note)
{
    if (engine)
        return calc(section, label, unit, formula, engine, note);
    start(section, label, unit, note);
    sheet_.formulaText(row_, kValue, "=" + formula, valueStyle(unit));
    sheet_.text(row_, kEngine, QStringLiteral("NA"), XlsxStyle::Text);
    return finish();
}

void AuditWriter::start(const char* section, const QString& label, Unit unit, const QString& note)
{
    sheet_.text(row_, kSection, QString::fromUtf8(section), XlsxStyle::Text);
    sheet_.text(row_, kStep, label, XlsxStyle::Text);
    sheet_.text(row_, kUnit, QString::fromUtf8(unitName(unit)), XlsxStyle::Text);
    if (!note.isEmpty())
        sheet_.text(row_, kNote, note, XlsxStyle::Note);
}

std::string AuditWriter::finish()
{
    const std::string ref = "D" + std::to_string(row_ + 1);
    ++row_;
    return ref;
}

std::string clamp01(const std::string& x)
{
    return "MIN(MAX(" + x + ",0),1)";
}

std::string sumOf(const std::vector<std::string>& refs)
{
    if (refs.empty())
        return "0";
    std::string out;
    for (const std::string& r : refs)
        out += (out.empty() ? "" : "+") + r;
    return out;
}

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace sharecast::io::audit
