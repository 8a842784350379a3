"""The overview figure of the activation functions section: one small panel per family.

Each panel plots f(x) (no derivative) of a few `torch.nn` activation modules,
computed by `plots.curves.curve_data`, so the overview shows exactly what the
modules compute.
"""

from plots import style
from plots.curves import curve_data
from plots.figure import Figure

POINTS = 201  # matplotlib simplifies paths of 128+ points, which keeps the SVG small

# (title, x range, ((module, kwargs), ...)) per panel
PANELS = (
    ("ReLU family", (-4.0, 8.0), (("ReLU", ()), ("LeakyReLU", (("negative_slope", 0.1),)), ("ReLU6", ()), ("Hardswish", ()))),
    ("S-shaped, bounded", (-5.0, 5.0), (("Sigmoid", ()), ("Tanh", ()), ("Softsign", ()), ("Hardsigmoid", ()), ("Hardtanh", ()))),
    (
        "Smooth ReLUs",
        (-4.0, 3.0),
        (("ELU", ()), ("SELU", ()), ("Softplus", ()), ("GELU", ()), ("SiLU", ()), ("Mish", ())),
    ),
    ("Shrinkage", (-3.0, 3.0), (("Hardshrink", ()), ("Softshrink", ()), ("Tanhshrink", ()))),
)


def label(module: str, kwargs: tuple) -> str:
    """Legend text, e.g. `LeakyReLU(0.1)`."""
    return module + (f"({', '.join(str(value) for _, value in kwargs)})" if kwargs else "")


def overview_data(panels: tuple = PANELS, points: int = POINTS):
    """`[(title, [(label, x, f(x)), ...]), ...]`: one entry per panel, data from `curve_data`."""
    return [
        (title, [(label(module, kwargs), *curve_data(module, kwargs, x_range, points)[:2]) for module, kwargs in curves])
        for title, x_range, curves in panels
    ]


def draw_overview(panels: tuple = PANELS, points: int = POINTS):
    """A 2 x 2 grid of panels, one per family (few ticks, to keep the SVG light)."""
    from matplotlib.ticker import MaxNLocator

    fig, axes = style.new_figure(ncols=2, nrows=2, width=8.4, height=6.2)
    colours = style.VARIANTS[:4] + ("#e67700", "#0b7285")  # six distinct hues
    for ax, (title, curves) in zip(axes.flat, overview_data(panels, points)):
        for index, (name, x, y) in enumerate(curves):
            ax.plot(x, y, color=colours[index % len(colours)], linewidth=1.6, label=name)
        ax.axhline(0, color="#808080", linewidth=0.8)
        ax.set_title(title)
        ax.grid(False)
        ax.tick_params(length=0)
        ax.xaxis.set_major_locator(MaxNLocator(3, steps=[1, 2, 5, 10]))
        ax.yaxis.set_major_locator(MaxNLocator(3, steps=[1, 2, 5, 10]))
        ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    return fig


FIGURES = [Figure("activations/overview", draw_overview, {})]
