// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/// @title MXNB test token
/// @notice Local stand-in for Juno's MXNB stablecoin: 6 decimals, minted by MINTER_ROLE holders
///         (the banking simulator plays Juno's issuer), burnable by holders.
contract MXNB is ERC20, ERC20Burnable, AccessControl {
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");

    constructor(address admin) ERC20("MXNB", "MXNB") {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(MINTER_ROLE, admin);
    }

    /// @notice MXNB has 6 decimals, like the real token.
    function decimals() public pure override returns (uint8) {
        return 6;
    }

    /// @notice Issues new tokens, as Juno does when MXN arrives by SPEI.
    function mint(address to, uint256 amount) external onlyRole(MINTER_ROLE) {
        _mint(to, amount);
    }
}
