#pragma once
//! One key to vary and its range, as the two-way table and goal seek ask for them (methodology
//! §14): the key's path, its low and high value and, for a grid, the number of points.

#include <QWidget>

#include <optional>
#include <string>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace sharecast {
struct Scenario;
}

namespace sharecast::ui {

//! An editable key combo (the scenario's numeric keys, or any path typed in), low and high, and
//! optionally N. Choosing a key fills in its default range (±10 %, §14).
class KeyRangeEdit : public QWidget {
    Q_OBJECT
public:
    //! `name` prefixes the children's object names (nameKey, nameLow, nameHigh, nameCount);
    //! withCount adds N (2–100).
    KeyRangeEdit(const QString& name, bool withCount, QWidget* parent = nullptr);

    //! The keys offered, read from the scenario; keeps the key chosen. The first time, chooses
    //! `initial` if the scenario has it, else the first key.
    void setScenario(const Scenario& scenario, const QString& initial = {});
    //! Chooses a key and its range (nullopt: its default range).
    void setKey(const QString& key, std::optional<double> low = {}, std::optional<double> high = {});
    void setCount(int n);

    std::string key() const;
    //! The low and high value; throws InputError naming the field when one is not a number.
    std::pair<double, double> range() const;
    int count() const;

Q_SIGNALS:
    void edited();

private:
    void fillDefaultRange();

    QComboBox* key_;
    QLineEdit* low_;
    QLineEdit* high_;
    QSpinBox* count_ = nullptr;
    const Scenario* scenario_ = nullptr;
};

//! A number typed into a field ("0.25", "-1e-3", "1,250,000", "$1,250,000.00", "−5"); nullopt
//! when it is not one.
std::optional<double> parseNumberField(const QString& text);

} // namespace sharecast::ui
