#include "ui/document/refresh_when_shown.h"

#include <QEvent>

namespace sharecast::ui {

RefreshWhenShown::RefreshWhenShown(QWidget* widget, QObject* owner, std::function<void()> refresh)
    : QObject(owner), widget_(widget), refresh_(std::move(refresh))
{
    widget_->installEventFilter(this);
}

void RefreshWhenShown::request()
{
    if (!widget_)
        return;
    if (!widget_->isVisible() && widget_->window()->isVisible()) {
        stale_ = true;
        return;
    }
    stale_ = false;
    refresh_();
}

bool RefreshWhenShown::eventFilter(QObject* watched, QEvent* event)
{
    // Show comes before the widget is laid out and painted: the refresh is in its first paint.
    if (watched == widget_ && event->type() == QEvent::Show && stale_) {
        stale_ = false;
        refresh_();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace sharecast::ui
