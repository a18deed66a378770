#pragma once
//! Redrawing only what is on screen: a view or chart on a hidden tab is marked stale when its data
//! change and refreshed when it is shown again.

#include <QObject>
#include <QPointer>
#include <QWidget>

#include <functional>

namespace sharecast::ui {

//! Runs a widget's refresh when its data change (request()): at once when the widget is on screen,
//! or when its window is not shown at all (a chart printed into a report, an export, a test without
//! a window); otherwise, when the widget is in a shown window but hidden (on a tab not in front),
//! it only marks the widget stale and refreshes it when it is next shown.
class RefreshWhenShown : public QObject {
public:
    //! Refreshes `widget` with `refresh`, a function of `owner` (the parent: it goes with it).
    RefreshWhenShown(QWidget* widget, QObject* owner, std::function<void()> refresh);

    //! The widget's data changed: refreshes it now or when it is next shown.
    void request();
    //! True while a refresh waits for the widget to be shown.
    bool isStale() const { return stale_; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QPointer<QWidget> widget_;
    std::function<void()> refresh_;
    bool stale_ = false;
};

} // namespace sharecast::ui
