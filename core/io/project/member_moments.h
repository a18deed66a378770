#pragma once
//! The member aggregates of a project as the statistical tools read them (methodology §13).

#include "engine/validity.h"
#include "io/project/project_store.h"

#include <optional>

namespace sharecast::io {

//! The member-level cost moments of the project's active experience when it was imported from
//! members.csv (§1.3); nullopt when the active experience is a cell file or there is none, so
//! that c never comes from members other than those being settled.
std::optional<MemberMoments> activeMemberMoments(const ProjectStore& store);

//! The moments of one members dataset, described for the trace.
MemberMoments memberMoments(const MemberAggregates& aggregates, const DatasetInfo& dataset);

} // namespace sharecast::io
