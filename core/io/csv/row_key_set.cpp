#include "io/csv/row_key_set.h"

#include <algorithm>
#include <mutex>

namespace sharecast::io {

namespace {

std::size_t slotsFor(std::size_t keys)
{
    std::size_t n = std::size_t(1) << 12;
    while (n / 10 * 8 < keys)
        n *= 2;
    return n;
}

} // namespace

RowKeySet::RowKeySet(std::size_t expectedKeys)
{
    const std::size_t n = slotsFor(expectedKeys);
    slots_ = std::make_unique<std::atomic<std::uint64_t>[]>(n); // value-initialized: all empty (0)
    mask_ = n - 1;
}

bool RowKeySet::insertOne(std::uint64_t key)
{
    if (key == 0)
        key = 1; // 0 marks an empty slot
    for (std::size_t i = key & mask_;; i = (i + 1) & mask_) {
        std::uint64_t seen = slots_[i].load(std::memory_order_relaxed);
        if (seen == 0 && slots_[i].compare_exchange_strong(seen, key, std::memory_order_relaxed))
            return true;
        if (seen == key)
            return false;
    }
}

void RowKeySet::insert(std::span<const std::uint64_t> keys, std::vector<std::uint64_t>& present)
{
    for (;;) {
        {
            std::shared_lock lock(resizing_);
            const std::size_t before = reserved_.fetch_add(keys.size());
            if (before + keys.size() <= capacity() / 10 * 8) {
                for (const std::uint64_t key : keys)
                    if (!insertOne(key))
                        present.push_back(key);
                return;
            }
            reserved_.fetch_sub(keys.size());
        }
        grow(keys.size());
    }
}

void RowKeySet::grow(std::size_t needed)
{
    std::unique_lock lock(resizing_);
    const std::size_t n = slotsFor(reserved_.load() + needed);
    if (n <= capacity())
        return; // another thread grew it
    auto old = std::move(slots_);
    const std::size_t oldSize = capacity();
    slots_ = std::make_unique<std::atomic<std::uint64_t>[]>(n);
    mask_ = n - 1;
    for (std::size_t j = 0; j < oldSize; ++j)
        if (const std::uint64_t key = old[j].load(std::memory_order_relaxed); key != 0)
            insertOne(key);
}

} // namespace sharecast::io
