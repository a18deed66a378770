#include "experience.h"

namespace sharecast {

namespace {
int indexIn(const std::vector<std::string>& names, const std::string& name)
{
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name)
            return static_cast<int>(i);
    return -1;
}
} // namespace

int ExperienceData::cosIndex(const std::string& name) const
{
    return indexIn(cosNames, name);
}

int ExperienceData::utilIndex(const std::string& name) const
{
    return indexIn(utilNames, name);
}

std::string ExperienceData::planName(const std::string& planId) const
{
    const auto it = planNames.find(planId);
    return it == planNames.end() || it->second.empty() ? planId : it->second;
}

} // namespace sharecast
