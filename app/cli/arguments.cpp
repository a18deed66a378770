#include "cli/arguments.h"

#include <algorithm>

namespace sharecast::cli {

Arguments Arguments::parse(const QStringList& args, const ArgumentSpec& spec)
{
    Arguments a;
    for (int i = 0; i < args.size(); ++i) {
        const QString& word = args[i];
        if (!word.startsWith(QLatin1String("--"))) {
            if (a.positional_.size() >= spec.maxPositional)
                throw UsageError(QStringLiteral("unexpected argument '%1'").arg(word));
            a.positional_ << word;
            continue;
        }
        const QString name = word.mid(2);
        const auto option = std::find_if(spec.options.begin(), spec.options.end(),
                                         [&name](const OptionSpec& o) { return o.name == name; });
        if (option == spec.options.end())
            throw UsageError(QStringLiteral("unknown option '%1'").arg(word));
        if (option->values == OptionSpec::kOneOrMore) {
            QStringList& values = a.values_[name];
            const qsizetype before = values.size();
            while (i + 1 < args.size() && !args[i + 1].startsWith(QLatin1String("--")))
                values << args[++i];
            if (values.size() == before)
                throw UsageError(QStringLiteral("option '%1' needs a value").arg(word));
            continue;
        }
        if (a.values_.contains(name))
            throw UsageError(QStringLiteral("option '%1' given twice").arg(word));
        if (i + option->values >= args.size())
            throw UsageError(
                option->values == 1
                    ? QStringLiteral("option '%1' needs a value").arg(word)
                    : QStringLiteral("option '%1' needs %2 values").arg(word).arg(option->values));
        QStringList values;
        for (int k = 0; k < option->values; ++k)
            values << args[++i];
        if (option->values == 0)
            values << QStringLiteral("1");
        a.values_.insert(name, values);
    }
    return a;
}

std::optional<long long> Arguments::integer(const QString& name, const QString& what) const
{
    if (!has(name))
        return std::nullopt;
    bool ok = false;
    const long long v = value(name).toLongLong(&ok);
    if (!ok)
        throw UsageError(QStringLiteral("--%1 '%2' is not %3").arg(name, value(name), what));
    return v;
}

std::optional<unsigned long long> Arguments::unsignedInteger(const QString& name) const
{
    if (!has(name))
        return std::nullopt;
    bool ok = false;
    const unsigned long long v = value(name).toULongLong(&ok);
    if (!ok)
        throw UsageError(QStringLiteral("--%1 '%2' is not a whole number").arg(name, value(name)));
    return v;
}

std::optional<double> Arguments::number(const QString& name) const
{
    if (!has(name))
        return std::nullopt;
    bool ok = false;
    const double v = value(name).toDouble(&ok);
    if (!ok)
        throw UsageError(QStringLiteral("--%1 '%2' is not a number").arg(name, value(name)));
    return v;
}

} // namespace sharecast::cli
