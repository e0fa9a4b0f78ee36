#!/usr/bin/env python3
"""Loads the engine's ConvFM (weights, rows and inference output written by `bench/Training convfm-export FILE`) into
../shared/anchors/torch_timing.py's ConvFM, the PyTorch reference the speed is compared with, and compares the outputs
in eval mode: the check that both are the same network. The only change to the reference is the skill bag's padding
index 0, which the seed's encoding needs (torch's EmbeddingBag then leaves id 0 out of the mean, as our layer does).

  dotnet run -c Release --project bench/Training -- convfm-export /tmp/convfm.json
  /usr/bin/python3 bench/Training/convfm_torch_parity.py /tmp/convfm.json [../shared/anchors/torch_timing.py]
"""
import importlib.util, json, sys
import torch

path = sys.argv[1]
anchor = sys.argv[2] if len(sys.argv) > 2 else '../shared/anchors/torch_timing.py'
spec = importlib.util.spec_from_file_location('torch_timing', anchor)
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
doc = json.load(open(path))
w = {name: torch.tensor(v['data'], dtype=torch.float32).reshape(v['shape']) for name, v in doc['weights'].items()}

model = module.ConvFM()
model.skill.padding_idx = 0
with torch.no_grad():
    for i, field in enumerate(('user', 'job', 'location', 'company')):
        model.emb[i].weight.copy_(w[f'{field}_embedding/embeddings'])
        model.lin[i].weight.copy_(w[f'{field}_linear/embeddings'])
    model.skill.weight.copy_(w['skill_embedding/embeddings'])
    model.conv.weight.copy_(w['conv/kernel'].permute(2, 1, 0))       # [kernel, in, filters] -> [filters, in, kernel]
    model.conv.bias.copy_(w['conv/bias'])
    linears = [m for m in model.deep if isinstance(m, torch.nn.Linear)]
    norms = [m for m in model.deep if isinstance(m, torch.nn.BatchNorm1d)]
    for i, linear in enumerate(linears):
        name = f'deep_dense_{i + 1}' if i < 3 else 'deep_output'
        linear.weight.copy_(w[f'{name}/kernel'].t())
        linear.bias.copy_(w[f'{name}/bias'])
    for i, norm in enumerate(norms):
        name = f'deep_batch_norm_{i + 1}'
        norm.weight.copy_(w[f'{name}/gamma'])
        norm.bias.copy_(w[f'{name}/beta'])
        norm.running_mean.copy_(w[f'{name}/state_0'])
        norm.running_var.copy_(w[f'{name}/state_1'])
        assert abs(norm.eps - 1e-5) < 1e-12
model.eval()
u, j, l, c, s = [torch.tensor(v['data'], dtype=torch.long).reshape(v['shape']) for v in doc['inputs']]
with torch.no_grad():
    out = model(u.squeeze(1), j.squeeze(1), l.squeeze(1), c.squeeze(1), s)
ours = torch.tensor(doc['output'])
diff = (out - ours).abs().max().item()
print(json.dumps({'rows': len(ours), 'max_abs_difference': diff, 'torch_first': out[:3].tolist(), 'ours_first': ours[:3].tolist(),
                  'output_std': ours.std().item()}))
sys.exit(0 if diff < 1e-5 else 1)
