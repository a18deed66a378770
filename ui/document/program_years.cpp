#include "ui/document/program_years.h"

#include "engine/error.h"
#include "io/json/scenario_json.h"
#include "ui/document/project_document.h"

#include <QElapsedTimer>

#include <algorithm>
#include <set>
#include <tuple>

namespace sharecast::ui {

ProgramYears::ProgramYears(ProjectDocument* document, QObject* parent) : QObject(parent), document_(document)
{
    std::tie(first_, last_) = defaultRange(*document_);
    recalculate();
}

std::pair<Year, Year> ProgramYears::defaultRange(const ProjectDocument& document)
{
    std::set<Year> years;
    for (const ExperienceCell& c : document.experience().cells)
        years.insert(c.year);
    const std::vector<Year>& explicitBase = document.scenario().baseline.years;
    const Year after = explicitBase.empty() ? 0 : *std::max_element(explicitBase.begin(), explicitBase.end());
    std::vector<Year> settleable;
    for (Year y : years)
        if (y > after && (!explicitBase.empty() || years.count(y - 1)))
            settleable.push_back(y);
    if (settleable.empty())
        return {0, -1};
    const Year last = settleable.back();
    const Year first = std::max(last - 2, settleable.front());
    return {first, last};
}

void ProgramYears::setYears(Year first, Year last)
{
    first_ = first;
    last_ = last;
    recalculate();
}

void ProgramYears::recalculate()
{
    QElapsedTimer timer;
    timer.start();
    program_ = ProgramSettlement{};
    error_.clear();
    if (first_ > last_) {
        error_ = tr("The data have no year with a baseline year before it: no program year to settle.");
    } else {
        std::vector<Year> years;
        for (Year y = first_; y <= last_; ++y)
            years.push_back(y);
        try {
            program_ = settleProgram(document_->index(), document_->quality(),
                                     io::scenariosForYears(document_->scenario(), years));
        } catch (const InputError& e) {
            program_ = ProgramSettlement{};
            error_ = QString::fromStdString(e.what());
        }
    }
    lastMs_ = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    Q_EMIT changed();
}

} // namespace sharecast::ui
