#pragma once
//! Reading cell experience from `experience.csv` (methodology §1.1).

#include "engine/experience.h"
#include "io/csv/csv_reader.h"

#include <QIODevice>
#include <QString>

#include <string>
#include <vector>

namespace sharecast::io {

//! How many empty cells of one optional numeric column were read as their default (0, or 1.0
//! for risk_score).
struct BlankCount {
    std::string column;
    long count = 0;
};

//! What an experience import read, for the user to check before using it.
struct ImportSummary {
    long rows = 0;                     //!< data records read
    long cells = 0;                    //!< experience cells loaded (one per row)
    long plans = 0;                    //!< distinct plan_id values
    std::vector<Year> years;           //!< distinct years, ascending
    int cosCount = 0;                  //!< categories of service (cost_ columns)
    std::vector<BlankCount> blanks;    //!< optional numeric columns with empty cells, header order
    std::vector<std::string> warnings; //!< things that loaded but deserve a look
};

//! Reads experience.csv (§1.1) from device; fileName names it in errors and in the result.
//! Throws InputError (file, physical line, column, value) on the first problem and loads nothing;
//! throws ImportCancelled when control asks to stop. Fills summary when given.
ExperienceData readExperienceCsv(QIODevice& device, const QString& fileName, ImportSummary* summary = nullptr,
                                 const ImportControl& control = {});

//! Opens path and reads it with readExperienceCsv(); errors name the path as given.
ExperienceData readExperienceFile(const QString& path, ImportSummary* summary = nullptr,
                                  const ImportControl& control = {});

} // namespace sharecast::io
