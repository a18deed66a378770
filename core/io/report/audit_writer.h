#pragma once
//! The audit sheet's row writer (io/report/audit_sheet.h): one row per input or formula, in the
//! sheet's fixed columns, each formula beside the engine's value and the difference.

#include "io/report/xlsx_workbook.h"

#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace sharecast::io::audit {

//! The unit of a row: how the value is formatted and how closely it must agree.
enum class Unit { Money, Pmpm, Rate, Factor, Score, Members, Count, Flag, Year };

//! Writes the sheet top to bottom, one row per input or step; every call returns the cell
//! reference of the row's value ("D12") for the formulas below it.
class AuditWriter {
public:
    AuditWriter(XlsxSheet& sheet, int firstRow) : sheet_(sheet), row_(firstRow) {}

    //! A blank row, then a section title.
    void heading(const QString& text);
    //! An input cell (empty when nullopt, e.g. a cap that is not set).
    std::string input(const char* section, const QString& label, Unit unit, std::optional<double> value,
                      const QString& note = {});
    //! A text input (a method's name).
    std::string inputText(const char* section, const QString& label, const QString& value,
                          const QString& note = {});
    //! A formula (without its '=') cached with the engine's value; nullopt: the engine does not
    //! compute this step for the plan ("n/a", no difference).
    std::string calc(const char* section, const QString& label, Unit unit, const std::string& formula,
                     std::optional<double> engine, const QString& note = {});
    //! A formula whose engine value may be NA (the composite Q, S when E = 0): NA is "".
    std::string calcOrNa(const char* section, const QString& label, Unit unit, const std::string& formula,
                         std::optional<double> engine, const QString& note = {});

private:
    void start(const char* section, const QString& label, Unit unit, const QString& note);
    std::string finish();

    XlsxSheet& sheet_;
    int row_;
};

//! "MIN(MAX(x,0),1)".
std::string clamp01(const std::string& x);
//! "a+b+c", or "0" for none.
std::string sumOf(const std::vector<std::string>& refs);
//! std::string to QString.
QString q(const std::string& s);

} // namespace sharecast::io::audit
