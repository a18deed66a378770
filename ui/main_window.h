#pragma once
//! The workbench's main window: menus, status bar, and the central chart area.

#include <QMainWindow>

class QCustomPlot;
class QLabel;

namespace sharecast::ui {

//! Top-level window of the workbench.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    //! The central chart (the tests look at it).
    QCustomPlot* chart() const { return chart_; }

private:
    void createMenus();
    void showAbout();

    QCustomPlot* chart_ = nullptr;
    QLabel* dataSummary_ = nullptr;
};

}  // namespace sharecast::ui
