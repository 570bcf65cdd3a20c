// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/UiTestSupport.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTest>

#include "core/deadlines/DeadlineService.h"
#include "core/letters/LetterTemplate.h"
#include "core/matching/MatchModel.h"
#include "ui/text/DisplayText.h"

namespace wb::ui::test {

namespace {

/// The shipped repeat-suspect matching model, loaded once.
std::shared_ptr<const core::matching::MatchModel> matchModel()
{
    static const auto model = std::make_shared<const core::matching::MatchModel>(
        core::matching::MatchModel::load(std::filesystem::path(WB_RESOURCES_DIR) / "matching" / "match-model.json"));
    return model;
}

} // namespace

Catalogues catalogues()
{
    static const auto letters = std::make_shared<const std::vector<core::letters::LetterTemplate>>(
        core::letters::loadLetters(std::filesystem::path(WB_RESOURCES_DIR) / "letters"));
    return Catalogues{wb::test::offences(),
                      wb::test::lists(),
                      wb::test::questions(),
                      wb::test::enquiries(),
                      wb::test::journeyChecklists(),
                      deadlineService(),
                      matchModel(),
                      letters,
                      std::filesystem::path(WB_RESOURCES_DIR) / "training" / "packs"};
}

std::shared_ptr<const core::deadlines::DeadlineService> deadlineService()
{
    static const auto service =
        std::make_shared<const core::deadlines::DeadlineService>(core::deadlines::DeadlineService::load(
            std::filesystem::path(WB_RESOURCES_DIR) / "nom" / "deadline-rules.json",
            std::filesystem::path(WB_RESOURCES_DIR) / "reference" / "bank-holidays-england-wales.json",
            wb::test::enquiries(), wb::test::questions()));
    return service;
}

bool waitFor(const std::function<bool()>& pred, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!pred()) {
        if (timer.elapsed() > timeoutMs) {
            return pred();
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QTest::qWait(10);
    }
    return true;
}

void fireTimer(QObject* timer)
{
    ASSERT_NE(timer, nullptr) << "no such timer";
    ASSERT_TRUE(QMetaObject::invokeMethod(timer, "timeout", Qt::DirectConnection));
}

std::unique_ptr<core::Workspace> makeWorkspace(const std::filesystem::path& path, bool training)
{
    auto options = wb::test::fastOptions();
    options.training = training;
    return core::Workspace::create(path, core::Workspace::deriveForCreate(wb::test::Passphrase, options.kdf), options,
                                   wb::test::offences(), wb::test::lists());
}

ScopedLargerFont::ScopedLargerFont(double factor)
    : m_before(QApplication::font())
{
    QFont large = m_before;
    large.setPointSizeF(m_before.pointSizeF() * factor);
    QApplication::setFont(large);
}

ScopedLargerFont::~ScopedLargerFont()
{
    QApplication::setFont(m_before);
}

QString qpath(const std::filesystem::path& path)
{
    return DisplayText::fromPath(path);
}

} // namespace wb::ui::test
