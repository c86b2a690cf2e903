// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title ReentrantToken (tests only)
/// @notice A hostile ERC-20 that, once armed, calls back into a target from inside transferFrom, so tests
///         can prove the escrow's reentrancy guard holds. Never deployed outside tests.
contract ReentrantToken is ERC20 {
    address public target;
    bytes public payload;

    constructor() ERC20("Reentrant", "RE") {
        _mint(msg.sender, 1e24);
    }

    /// @notice Arms (or, with target 0, disarms) the callback.
    function arm(address target_, bytes calldata payload_) external {
        target = target_;
        payload = payload_;
    }

    function transferFrom(address from, address to, uint256 value) public override returns (bool) {
        address callee = target;
        if (callee != address(0)) {
            target = address(0);
            (bool ok, bytes memory result) = callee.call(payload);
            if (!ok) {
                assembly {
                    revert(add(result, 32), mload(result))
                }
            }
        }
        return super.transferFrom(from, to, value);
    }
}
