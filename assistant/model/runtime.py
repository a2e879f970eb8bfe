"""How a forward pass runs: the generic Hugging Face path, or a lean Gemma 3 step for the bundled model.

A 270M model on a 2-core CPU spends a large share of each decode pass outside the matrix products: mask
building, cache bookkeeping and a dozen small modules per layer. ``Gemma3Runner`` computes the same
function as ``transformers``' Gemma 3 decoder (bf16 linear layers, float32 norms, the same rotary tables)
with fused projections (q/k/v in one product, gate/up in one) and a preallocated key/value buffer, so
cropping speculated tokens back costs nothing. ``HFRunner`` serves every other architecture (``--base``
Qwen2, Phi-3, ...). Both are checked against each other in ``tests/test_model.py``.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import torch
import torch.nn.functional as F

from assistant.model.decoding import QUANT, RUNNERS

__all__ = ["Gemma3Runner", "HFRunner", "make_runner"]


def _has_vnni() -> bool:
    """AVX-512 VNNI / AVX-VNNI accumulate int8 products without the 16-bit saturation of plain AVX2."""
    try:
        flags = Path("/proc/cpuinfo").read_text(encoding="ascii", errors="ignore")
    except OSError:
        return False
    return "avx512_vnni" in flags or "avx_vnni" in flags


# Without VNNI, fbgemm needs 7-bit activations to avoid that saturation; with it, full 8 bits are exact and
# measurably more accurate (hand-written set: 7 of 171 outputs differ from bf16 instead of 20).
_REDUCE_RANGE = not _has_vnni()


class HFRunner:
    """The model's own forward with a ``DynamicCache``; works for any causal LM ``FunctionCallingLM`` wraps."""

    name = "transformers"

    def __init__(self, module: Any) -> None:
        self.module = module

    def new_cache(self) -> Any:
        from transformers import DynamicCache

        return DynamicCache(config=self.module.base.config)

    def forward(self, cache: Any, ids: Sequence[int], past: int) -> torch.Tensor:
        x = torch.tensor([list(ids)], dtype=torch.long)
        hidden, _ = self.module.hidden(x, past_key_values=cache, use_cache=True)
        return hidden[0]

    def crop(self, cache: Any, keep: int, length: int) -> None:
        cache.crop(keep - length)


class _KV:
    """Keys and values of every layer for one sequence: [layers, kv_heads, max_len, head_dim]."""

    def __init__(self, layers: int, heads: int, max_len: int, head_dim: int, dtype: torch.dtype) -> None:
        self.k = torch.zeros(layers, heads, max_len, head_dim, dtype=dtype)
        self.v = torch.zeros_like(self.k)


class _Linear:
    """``x @ W.T`` for one weight, stored the way ``quant`` says.

    ``none``: W transposed, in the model's dtype. ``int8``: fbgemm's dynamic int8 linear (weights int8 with a
    scale per output row, activations quantised per call; the VNNI kernels of a laptop CPU make it several
    times faster than a bf16 product at the handful of tokens a decode pass feeds).
    """

    def __init__(self, weight: torch.Tensor, quant: str) -> None:
        w = weight.detach()
        self.packed = self.wt = None
        if quant == "view":  # the weight as it is, transposed on the fly: no copy (calibration passes)
            self.wt = w.t()
        elif quant == "int8":
            w = w.float()
            scale = (w.abs().amax(dim=1) / 127.0).clamp(min=1e-8).double()
            with warnings.catch_warnings():  # torch marks quantised tensor creation as deprecated; pinned 2.13 has it
                warnings.simplefilter("ignore")
                qw = torch.quantize_per_channel(w, scale, torch.zeros_like(scale, dtype=torch.long), 0, torch.qint8)
                self.packed = torch.ops.quantized.linear_prepack(qw, None)
        else:
            self.wt = w.t().contiguous()

    def state(self) -> dict[str, torch.Tensor]:
        """What rebuilds this product exactly: the int8 weight and its row scales, or the stored matrix."""
        if self.packed is None:
            assert self.wt is not None
            return {"wt": self.wt.contiguous()}
        qw, _ = torch.ops.quantized.linear_unpack(self.packed)
        return {"q": qw.int_repr().contiguous(), "scale": qw.q_per_channel_scales().contiguous()}

    @classmethod
    def from_state(cls, state: dict[str, torch.Tensor]) -> _Linear:
        self = cls.__new__(cls)
        self.packed = self.wt = None
        if "wt" in state:
            self.wt = state["wt"]
            return self
        scale = state["scale"]
        zeros = torch.zeros_like(scale, dtype=torch.long)
        with warnings.catch_warnings():  # as in __init__: deprecated, present in the pinned torch
            warnings.simplefilter("ignore")
            qw = torch._make_per_channel_quantized_tensor(state["q"], scale, zeros, 0)
        self.packed = torch.ops.quantized.linear_prepack(qw, None)
        return self

    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        if self.wt is not None:
            return x @ self.wt
        return torch.ops.quantized.linear_dynamic(x, self.packed, _REDUCE_RANGE)


def _note(record: dict[str, torch.Tensor], key: str, x: torch.Tensor) -> None:
    amax = x.detach().abs().amax(0).float()
    record[key] = torch.maximum(record[key], amax) if key in record else amax


class Gemma3Runner:
    """Gemma 3 text decoder, batch size one, over a preallocated cache (positions < ``max_len``).

    ``quant="int8"`` runs the layers' linear products in int8 (see ``_Linear``) and everything else (norms,
    attention, the residual stream, the cache) in float32. With ``calibration`` (token id sequences, e.g.
    prompts), activation outliers are first smoothed into the weights (SmoothQuant, alpha ``smooth``): the
    per-channel scales are folded into the preceding norm, value or up projection, so the function computed is
    unchanged in exact arithmetic while the int8 activations lose less. ``release`` frees the wrapped model's
    own copies of the linear weights, so they are held once.
    """

    name = "lean-gemma3"

    def __init__(
        self,
        module: Any,
        max_len: int = 1024,
        quant: str = "none",
        release: bool = False,
        calibration: Sequence[Sequence[int]] = (),
        smooth: float = 0.5,
    ) -> None:
        if quant not in QUANT:
            raise ValueError(f"unknown quantisation {quant!r} ({', '.join(QUANT)})")
        base = module.base
        decoder = base.get_decoder()
        cfg = base.config
        cfg = getattr(cfg, "text_config", cfg)
        self.module = module
        self.max_len = max_len
        self.heads = cfg.num_attention_heads
        self.kv_heads = cfg.num_key_value_heads
        self.head_dim = cfg.head_dim
        self.eps = cfg.rms_norm_eps
        self.scaling = cfg.query_pre_attn_scalar**-0.5
        self.window = cfg.sliding_window
        self.layer_types = list(cfg.layer_types)
        q_size, kv_size = self.heads * self.head_dim, self.kv_heads * self.head_dim
        self.split = (q_size, kv_size, kv_size)
        self.inter = cfg.intermediate_size
        self.record: list[dict[str, torch.Tensor]] | None = None
        self.released = release
        self.dtype = decoder.layers[0].self_attn.q_proj.weight.dtype
        self.rope = self._rope_tables(decoder, max_len)
        stats = self._calibrate(decoder, calibration) if calibration else None
        if quant == "int8":
            self.dtype = torch.float32
            self.rope = self._rope_tables(decoder, max_len)
        self.layers = []
        with torch.no_grad():
            for i, layer in enumerate(decoder.layers):
                parts = self._layer_weights(layer)
                if stats is not None:
                    parts = self._smoothed(parts, stats[i], smooth)
                    if quant == "none":
                        parts.update({k: parts[k].to(self.dtype) for k in ("qkv", "o", "gate_up", "down")})
                self.layers.append(
                    (
                        parts["ln_in"],
                        _Linear(parts["qkv"], quant),
                        parts["q_norm"],
                        parts["k_norm"],
                        _Linear(parts["o"], quant),
                        parts["ln_post"],
                        parts["ln_pre"],
                        _Linear(parts["gate_up"], quant),
                        _Linear(parts["down"], quant),
                        parts["ln_ff"],
                    )
                )
                if release:
                    att, mlp = layer.self_attn, layer.mlp
                    for linear in (
                        att.q_proj,
                        att.k_proj,
                        att.v_proj,
                        att.o_proj,
                        mlp.gate_proj,
                        mlp.up_proj,
                        mlp.down_proj,
                    ):
                        linear.weight.data = torch.empty(0, dtype=linear.weight.dtype)
            self.final_norm = self._norm_weight(decoder.norm)

    # -- a saved runner: every tensor it computes with, so a later start needs neither the base nor transformers

    _SCALARS = ("max_len", "heads", "kv_heads", "head_dim", "eps", "scaling", "window", "layer_types", "split", "inter")
    _LAYER_KEYS = ("ln_in", "qkv", "q_norm", "k_norm", "o", "ln_post", "ln_pre", "gate_up", "down", "ln_ff")
    _LINEARS = ("qkv", "o", "gate_up", "down")

    def state(self) -> tuple[dict[str, torch.Tensor], dict[str, Any]]:
        """(tensors, scalars) that ``from_state`` turns back into a runner computing bit for bit the same."""
        tensors: dict[str, torch.Tensor] = {"final_norm": self.final_norm}
        for kind, (cos, sin) in self.rope.items():
            tensors[f"rope.{kind}.cos"], tensors[f"rope.{kind}.sin"] = cos.contiguous(), sin.contiguous()
        for i, layer in enumerate(self.layers):
            for key, part in zip(self._LAYER_KEYS, layer, strict=True):
                if key in self._LINEARS:
                    tensors.update({f"layers.{i}.{key}.{k}": v for k, v in part.state().items()})
                else:
                    tensors[f"layers.{i}.{key}"] = part.contiguous()
        scalars = {name: getattr(self, name) for name in self._SCALARS}
        scalars["dtype"] = str(self.dtype).removeprefix("torch.")
        return tensors, scalars

    @classmethod
    def from_state(cls, module: Any, tensors: dict[str, torch.Tensor], scalars: dict[str, Any]) -> Gemma3Runner:
        """A runner over saved tensors; ``module`` only embeds (``embed``), as in ``forward``."""
        self = cls.__new__(cls)
        for name in cls._SCALARS:
            setattr(self, name, scalars[name])
        self.split = tuple(self.split)
        self.module, self.record, self.released = module, None, True
        self.dtype = getattr(torch, scalars["dtype"])
        self.rope = {t: (tensors[f"rope.{t}.cos"], tensors[f"rope.{t}.sin"]) for t in set(self.layer_types)}
        self.final_norm = tensors["final_norm"]
        self.layers = []
        for i in range(len(self.layer_types)):
            parts: list[Any] = []
            for key in cls._LAYER_KEYS:
                if key in cls._LINEARS:
                    prefix = f"layers.{i}.{key}."
                    parts.append(
                        _Linear.from_state({k[len(prefix) :]: v for k, v in tensors.items() if k.startswith(prefix)})
                    )
                else:
                    parts.append(tensors[f"layers.{i}.{key}"])
            self.layers.append(tuple(parts))
        return self

    def _rope_tables(self, decoder: Any, max_len: int) -> dict[str, tuple[torch.Tensor, torch.Tensor]]:
        """The rotary tables of each layer type, from the model's own rotary module (same rounding)."""
        with torch.no_grad():
            positions = torch.arange(max_len)[None]
            probe = torch.zeros(1, dtype=self.dtype)
            return {
                t: tuple(x[0] for x in decoder.rotary_emb(probe, positions, t))  # type: ignore[misc]
                for t in set(self.layer_types)
            }

    def _layer_weights(self, layer: Any) -> dict[str, torch.Tensor]:
        att, mlp = layer.self_attn, layer.mlp
        return {
            "ln_in": self._norm_weight(layer.input_layernorm),
            "qkv": torch.cat([att.q_proj.weight, att.k_proj.weight, att.v_proj.weight]),
            "q_norm": self._norm_weight(att.q_norm),
            "k_norm": self._norm_weight(att.k_norm),
            "o": att.o_proj.weight,
            "ln_post": self._norm_weight(layer.post_attention_layernorm),
            "ln_pre": self._norm_weight(layer.pre_feedforward_layernorm),
            "gate_up": torch.cat([mlp.gate_proj.weight, mlp.up_proj.weight]),
            "down": mlp.down_proj.weight,
            "ln_ff": self._norm_weight(layer.post_feedforward_layernorm),
        }

    def _calibrate(self, decoder: Any, calibration: Sequence[Sequence[int]]) -> list[dict[str, torch.Tensor]]:
        """Per-channel |activation| maxima at the input of each linear layer, from a plain pass per sequence."""
        with torch.no_grad():
            self.layers = [
                tuple(
                    p if k.startswith(("ln", "q_norm", "k_norm")) else _Linear(p, "view")
                    for k, p in self._layer_weights(layer).items()
                )
                for layer in decoder.layers
            ]
            self.final_norm = self._norm_weight(decoder.norm)
        self.record = [{} for _ in self.layers]
        with torch.inference_mode():
            for ids in calibration:
                self.forward(self.new_cache(), list(ids)[: self.max_len], 0)
        stats, self.record, self.layers = self.record, None, []
        return stats

    def _smoothed(
        self, w: dict[str, torch.Tensor], stats: dict[str, torch.Tensor], alpha: float
    ) -> dict[str, torch.Tensor]:
        """Fold per-input-channel scales s into each linear (W * s) and divide what feeds it by s."""
        w = {k: v.float().clone() for k, v in w.items()}

        def scales(act: torch.Tensor, weight_max: torch.Tensor) -> torch.Tensor:
            s = act.float().clamp(min=1e-5).pow(alpha) / weight_max.clamp(min=1e-5).pow(1 - alpha)
            return s.clamp(min=1e-2, max=1e2)

        s = scales(stats["qkv"], w["qkv"].abs().amax(0))
        w["ln_in"] /= s
        w["qkv"] *= s
        s = scales(stats["gate_up"], w["gate_up"].abs().amax(0))
        w["ln_pre"] /= s
        w["gate_up"] *= s
        s = scales(stats["down"], w["down"].abs().amax(0))
        w["gate_up"][self.inter :] /= s[:, None]  # gelu(gate) * up is linear in up
        w["down"] *= s
        # o's input channel (head h, dim d) is a mix of value channel d of h's key/value group: one scale per
        # (group, d), taken over the heads of the group.
        hd, groups = self.head_dim, self.heads // self.kv_heads
        s = scales(
            stats["o"].float().view(self.kv_heads, groups, hd).amax(1),
            w["o"].abs().amax(0).view(self.kv_heads, groups, hd).amax(1),
        )
        v_rows = self.split[0] + self.split[1]
        w["qkv"][v_rows:] /= s.reshape(-1)[:, None]
        w["o"] *= s[:, None, :].expand(self.kv_heads, groups, hd).reshape(-1)
        return w

    @staticmethod
    def supports(module: Any) -> bool:
        cfg = module.base.config
        cfg = getattr(cfg, "text_config", cfg)
        return getattr(cfg, "model_type", "") == "gemma3_text" and hasattr(module.base.get_decoder(), "rotary_emb")

    @staticmethod
    def _norm_weight(norm: Any) -> torch.Tensor:
        return (1.0 + norm.weight.float()).detach()

    def _rms(self, x: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
        xf = x.float()
        return (xf * torch.rsqrt(xf.pow(2).mean(-1, keepdim=True) + self.eps) * w).to(x.dtype)

    def new_cache(self) -> _KV:
        return _KV(len(self.layers), self.kv_heads, self.max_len, self.head_dim, self.dtype)

    def crop(self, cache: _KV, keep: int, length: int) -> None:
        """Nothing to do: positions past the kept length are simply overwritten by the next pass."""

    def _masks(self, past: int, n: int) -> dict[str, torch.Tensor | None]:
        if n == 1 and past + 1 <= self.window:
            return {t: None for t in self.rope}
        q = torch.arange(past, past + n)[:, None]
        k = torch.arange(past + n)[None]
        causal = k <= q
        return {t: causal & (q - k < self.window) if t == "sliding_attention" else causal for t in self.rope}

    def forward(self, cache: _KV, ids: Sequence[int], past: int) -> torch.Tensor:
        n = len(ids)
        end = past + n
        if end > self.max_len:
            raise ValueError(f"sequence of {end} tokens exceeds the runner's {self.max_len}")
        x = self.module.embed(torch.tensor([list(ids)], dtype=torch.long))[0].to(self.dtype)
        masks = self._masks(past, n)
        hd, half = self.head_dim, self.head_dim // 2
        for i, (ln_in, qkv_w, qn, kn, o_w, ln_post, ln_pre, gu_w, down_w, ln_ff) in enumerate(self.layers):
            kind = self.layer_types[i]
            cos, sin = (t[past:end] for t in self.rope[kind])
            h = self._rms(x, ln_in)
            rec = self.record[i] if self.record is not None else None
            if rec is not None:
                _note(rec, "qkv", h)
            q, k, v = qkv_w(h).split(self.split, dim=-1)
            q = self._rms(q.reshape(n, self.heads, hd), qn).transpose(0, 1)  # [heads, n, hd]
            k = self._rms(k.reshape(n, self.kv_heads, hd), kn).transpose(0, 1)
            q = q * cos + torch.cat((-q[..., half:], q[..., :half]), -1) * sin
            k = k * cos + torch.cat((-k[..., half:], k[..., :half]), -1) * sin
            cache.k[i, :, past:end] = k
            cache.v[i, :, past:end] = v.reshape(n, self.kv_heads, hd).transpose(0, 1)
            att = F.scaled_dot_product_attention(
                q[None],
                cache.k[i, None, :, :end],
                cache.v[i, None, :, :end],
                attn_mask=masks[kind],
                scale=self.scaling,
                enable_gqa=self.heads != self.kv_heads,
            )
            att = att[0].transpose(0, 1).reshape(n, self.heads * hd)
            if rec is not None:
                _note(rec, "o", att)
            x = x + self._rms(o_w(att), ln_post)
            h = self._rms(x, ln_pre)
            gate, up = gu_w(h).split(self.inter, dim=-1)
            h2 = F.gelu(gate, approximate="tanh") * up
            if rec is not None:
                _note(rec, "gate_up", h)
                _note(rec, "down", h2)
            x = x + self._rms(down_w(h2), ln_ff)
        return self._rms(x, self.final_norm)


def make_runner(
    module: Any,
    kind: str = "auto",
    quant: str = "none",
    release: bool = False,
    calibration: Sequence[Sequence[int]] = (),
) -> HFRunner | Gemma3Runner:
    """``auto``: the lean runner where the architecture is Gemma 3, else the transformers forward.

    ``quant`` applies to the lean runner only; the transformers forward runs in the module's own dtype.
    """
    if kind not in RUNNERS:
        raise ValueError(f"unknown runner {kind!r} ({', '.join(RUNNERS)})")
    if kind == "transformers" or (kind == "auto" and not Gemma3Runner.supports(module)):
        return HFRunner(module)
    if not Gemma3Runner.supports(module):
        raise ValueError("the lean runner supports Gemma 3 text models only")
    return Gemma3Runner(module, quant=quant, release=release, calibration=calibration)
