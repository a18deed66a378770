#pragma once
//! The table editors of the list- and map-valued scenario keys (methodology §1.5, §11, §12).

#include "ui/assumptions/assumption_table.h"

#include <functional>

namespace sharecast::ui {

//! Names the data offers, for the defaults of added rows.
struct DataNames {
    QStringList cos;       //!< categories of service (cost_ columns)
    QStringList rateCells; //!< rate cells in the experience
    QStringList utils;     //!< util_ columns, without the prefix
};
using DataNamesFn = std::function<DataNames()>;

TableSpec trendByCosTable(DataNamesFn names);        //!< trend.by_cos
TableSpec trendByRateCellTable(DataNamesFn names);   //!< trend.by_rate_cell (cell default and per COS)
TableSpec programChangesTable(DataNamesFn names);    //!< program_changes
TableSpec qualityMeasuresTable();                    //!< quality.measures
TableSpec resourceUseTable(DataNamesFn names);       //!< resource_use.measures
TableSpec sharingTiersTable();                       //!< sharing.tiers
TableSpec fmapByRateCellTable(DataNamesFn names);    //!< fmap.by_rate_cell
TableSpec utilizationChangeTable(DataNamesFn names); //!< projection.utilization_change.by_cos
TableSpec corridorsTable(DataNamesFn names);         //!< corridors, one row per band
TableSpec blendTable(DataNamesFn names);             //!< blend, one row per rate cell

} // namespace sharecast::ui
