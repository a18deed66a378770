#pragma once
//! Differences between two scenarios, key by key (every key of the JSON form).

#include "engine/scenario.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace sharecast::io {

//! One differing key: its path in the JSON form and both values as compact JSON text
//! ("(absent)" where one side has no such key or list element).
struct ScenarioDifference {
    QString key;
    QString left;
    QString right;
};

//! Every key whose value differs between a and b, in the order of the JSON form.
std::vector<ScenarioDifference> diffScenarios(const Scenario& a, const Scenario& b);

//! The differences as readable text, one key per line, aligned; "no differences" when equal.
QString formatDifferences(const std::vector<ScenarioDifference>& differences, const QString& leftName,
                          const QString& rightName);

} // namespace sharecast::io
