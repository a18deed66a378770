#pragma once
//! The one argument parser of the command line: `--name value` options, `--flag` switches,
//! options that take several values, and positional arguments, checked against what a command
//! declares it takes.

#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <stdexcept>
#include <vector>

namespace sharecast::cli {

//! A command-line mistake (unknown option, missing value, malformed number): exit 2, with the
//! command's usage.
class UsageError : public std::runtime_error {
public:
    explicit UsageError(const QString& message) : std::runtime_error(message.toStdString()) {}
};

//! One option a command accepts: `--name` followed by `values` values (0 for a switch).
struct OptionSpec {
    //! `values` of an option that takes one or more values, up to the next `--option`, and may be
    //! given again (`--vary a b --vary c` is a, b, c).
    static constexpr int kOneOrMore = -1;
    QString name;   //!< without the leading "--"
    int values = 1; //!< how many values follow the option; 0 for a switch; kOneOrMore
};

//! What a command takes: its options and how many positional arguments.
struct ArgumentSpec {
    std::vector<OptionSpec> options = {};
    int maxPositional = 0;
    QStringList required = {}; //!< options that must be given, with a value that is not empty
};

//! A command's parsed arguments. Typed getters throw UsageError naming the option and the text.
class Arguments {
public:
    //! Parses args against spec; throws UsageError for anything the spec does not allow.
    static Arguments parse(const QStringList& args, const ArgumentSpec& spec);

    //! True when the option or switch was given.
    bool has(const QString& name) const { return values_.contains(name); }
    //! The option's (first) value, or an empty string when absent.
    QString value(const QString& name) const { return values_.value(name).value(0); }
    //! All values of an option that takes several.
    QStringList values(const QString& name) const { return values_.value(name); }
    //! The positional arguments, in order.
    const QStringList& positional() const { return positional_; }

    //! The option as a whole number, when given ("--NAME 'TEXT' is not WHAT" otherwise).
    std::optional<long long> integer(const QString& name,
                                     const QString& what = QStringLiteral("a whole number")) const;
    //! The option as an unsigned whole number, when given.
    std::optional<unsigned long long> unsignedInteger(const QString& name) const;
    //! The option as a number, when given.
    std::optional<double> number(const QString& name) const;

private:
    QMap<QString, QStringList> values_;
    QStringList positional_;
};

} // namespace sharecast::cli
