#pragma once
//! A set of 64-bit row keys that several threads fill at once, for the duplicate check of a
//! parallel import: 8 bytes a slot, sized up front from the expected rows so that it rarely grows.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <shared_mutex>
#include <span>
#include <vector>

namespace sharecast::io {

//! Open addressing with linear probing; a slot is claimed by compare-and-swap, so inserts from
//! several threads need no lock. When the keys would fill more than 80 % of the slots, the table
//! doubles under an exclusive lock (a stop of the inserting threads, only when the expected count
//! was too low). Which of two equal keys is found already present depends on the threads' timing;
//! the caller settles which came first (see readMembersCsv()).
class RowKeySet {
public:
    //! A table with room for expectedKeys keys without growing.
    explicit RowKeySet(std::size_t expectedKeys);

    //! Inserts keys; appends to `present` each key that was already in the set (inserted before,
    //! by this call or another).
    void insert(std::span<const std::uint64_t> keys, std::vector<std::uint64_t>& present);
    //! The number of slots (for tests and memory estimates).
    std::size_t capacity() const { return mask_ + 1; }

private:
    bool insertOne(std::uint64_t key);
    void grow(std::size_t needed);

    std::unique_ptr<std::atomic<std::uint64_t>[]> slots_;
    std::size_t mask_ = 0;
    std::atomic<std::size_t> reserved_{0}; // keys inserted or being inserted (duplicates included)
    std::shared_mutex resizing_;
};

} // namespace sharecast::io
